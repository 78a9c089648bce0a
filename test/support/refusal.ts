/** The message of the error `run` throws; the test fails when it throws nothing. */
export const refusalOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a refusal, but it was accepted");
};
