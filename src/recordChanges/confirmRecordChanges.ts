/**
 * Confirm Record Changes: the last step of a flow started by "New and Updated Records" with
 * At-Least-Once Delivery on. It commits the delivery the trigger handed over, so the next run moves
 * on; a run that never reaches this step is delivered again.
 *
 * How it reaches the trigger's state: polling state is `instanceState.__prismaticInternal.polling`,
 * which is flow-scoped, so any step of the trigger's own flow sees it as `context.instanceState`. The
 * action promotes the pending cursor to committed in that object (what Spectral's `setState` does)
 * and also returns that whole object as `instanceState` (the convention of every trigger and action
 * here, explained at webhookGuard.ts `rememberId`). The design and why a crash re-delivers are in
 * src/recordChanges/deliveryState.ts.
 */
import { action, input } from "@prismatic-io/spectral";
import { cleanString, InputError } from "../inputs/clean";
import { confirmDelivery, pollingStateOf, writePollingState } from "./deliveryState";
import { shapeOutput } from "../operations/outputSchema";

export const confirmRecordChanges = action({
  display: {
    label: "Confirm Record Changes",
    description:
      "Ends a flow started by the New and Updated Records trigger in at-least-once mode: marks the delivered changes as processed so the next run moves on. Runs that fail before this step are delivered again.",
  },
  inputs: {
    deliveryId: input({
      label: "Delivery ID",
      type: "string",
      required: true,
      comments:
        "The deliveryId of the trigger's output (body.data.deliveryId). Only the delivery the trigger is waiting on is confirmed; an older one is refused and its changes come again.",
      example: "6f1c2b9e-3d4a-4e8f-9a1b-2c3d4e5f6a7b",
      placeholder: "{{$trigger.results.body.data.deliveryId}}",
      clean: cleanString("Delivery ID", { required: true, maxLength: 100 }),
    }),
  },
  perform: async (context, params) => {
    const deliveryId = params.deliveryId as unknown as string;
    if (context.batch?.enabled) {
      throw new InputError("Confirm Record Changes: turn batching off for this flow; at-least-once delivery confirms a whole run at once.");
    }
    const polling = pollingStateOf(context.instanceState);
    if (!polling) {
      throw new InputError(
        "Confirm Record Changes: this flow has no New and Updated Records trigger state. Place this action in the flow whose trigger is New and Updated Records with At-Least-Once Delivery on.",
      );
    }
    const { next, outcome } = confirmDelivery(polling, deliveryId);
    if (next) writePollingState(context.instanceState, next as unknown as Record<string, unknown>);
    if (!outcome.confirmed) context.logger.warn(`Confirm Record Changes: ${outcome.reason}`);
    return next ? { data: outcome, instanceState: context.instanceState } : { data: outcome };
  },
  examplePayload: { data: { confirmed: true, deliveryId: "6f1c2b9e-3d4a-4e8f-9a1b-2c3d4e5f6a7b", count: 250, alreadyConfirmed: false } },
  outputSchema: shapeOutput({ confirmed: "b", deliveryId: "s", count: "i", alreadyConfirmed: "b", reason: "s" }),
});
