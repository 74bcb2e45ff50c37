/** A control-API refusal: the HTTP status it answers with and a sentence saying what to fix. */
export class ControlError extends Error {
  constructor(
    message: string,
    readonly status = 400
  ) {
    super(message)
  }
}
