/**
 * Scheduling Pro workflows: List Scheduler Leads and Summarize Scheduler Sessions. The actions are in
 * actions/; reading and classifying sessions is sessions.ts. (The generated Scheduling Pro actions take
 * their curated words from src/operations/curated/.)
 */
import type { ActionDefinition } from "@prismatic-io/spectral";
import type { ProductArea } from "../core/productArea";
import { listSchedulerLeads } from "./actions/schedulerLeads";
import { summarizeSchedulerSessions } from "./actions/summarizeSchedulerSessions";

export const schedulingProArea: ProductArea = {
  key: "schedulingPro",
  title: "Scheduling Pro workflows",
  actions: {
    listSchedulerLeads: listSchedulerLeads as unknown as ActionDefinition,
    summarizeSchedulerSessions: summarizeSchedulerSessions as unknown as ActionDefinition,
  },
  triggers: {},
  dataSources: {},
  connections: [],
};
