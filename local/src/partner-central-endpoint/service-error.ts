// An error answer of the service: the model's error shape name (`__type` and x-amzn-errortype on the wire), its
// smithy.api#httpError status, the message and any extra members (ValidationException's Reason and ErrorList).
export class ServiceError extends Error {
  public constructor(public readonly type: string, public readonly status: number, message: string, public readonly extra: object = {}) {
    super(message);
  }
}

/** ResourceNotFoundException: `smithy.api#httpError` 404 in the model. */
export function notFound(message: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', 404, message);
}

/** ConflictException: `smithy.api#httpError` 409 in the model. */
export function conflict(message: string): ServiceError {
  return new ServiceError('ConflictException', 409, message);
}

/** One entry of ValidationException's ErrorList (ValidationExceptionError in the model). */
export interface ValidationErrorEntry {
  readonly FieldName: string;
  readonly Message: string;
  readonly Code: string;
}

/** ValidationException (400): REQUEST_VALIDATION_FAILED for a malformed request, BUSINESS_VALIDATION_FAILED for a rule. */
export function validationException(reason: 'REQUEST_VALIDATION_FAILED' | 'BUSINESS_VALIDATION_FAILED', errors: ValidationErrorEntry[]): ServiceError {
  return new ServiceError('ValidationException', 400, 'The request failed validation.', { Reason: reason, ErrorList: errors });
}
