/**
 * Curated words for ServiceTitan Customer Interactions (module "customer-interactions"), one entry per operation keyed by
 * operationId: technician ratings and customer feedback. The generator's words fit the operations not listed here.
 */
import type { ModuleCuration } from "./types";

export const curation: ModuleCuration = {
  TechnicianRating_Update: {
    key: "setTechnicianRatingForJob",
    label: "Set Technician Rating for Job",
    description:
      "Sets the rating a technician earned on one job in ServiceTitan Customer Interactions, by technician and job in the path. Calls PUT /technician-rating/technician/{technicianId}/job/{jobId} (scope tn.csi.technicianrating:w).",
  },
  TechnicianRatings_Update: {
    key: "rateTechnicianForJob",
    label: "Rate Technician for Job",
    description:
      "Records the rating a technician earned on a job in ServiceTitan Customer Interactions, with technician, job and rating in the body. Calls POST /technician-ratings (scope tn.csi.technicianrating:w).",
  },
};
