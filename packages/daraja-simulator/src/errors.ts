import { newRequestId } from "./ids"
import { json, raw, Reply } from "./http/reply"

/** Daraja's error envelope: `{ requestId, errorCode, errorMessage }`. */
export const envelope = (status: number, errorCode: string, errorMessage: string): Reply =>
  json(status, { requestId: newRequestId(), errorCode, errorMessage })

/** 400.002.02: the message names the first field that failed validation. */
export const invalidField = (field: string): Reply =>
  envelope(400, "400.002.02", `Bad Request - Invalid ${field}`)

export const invalidPayload = (): Reply =>
  envelope(400, "400.002.05", "Invalid Request Payload")

export const invalidAccessToken = (): Reply =>
  envelope(404, "404.001.03", "Invalid Access Token")

export const resourceNotFound = (): Reply =>
  envelope(404, "404.001.01", "Resource not found")

/** What Apigee answers when a known path is called with the wrong method. */
export const invalidAuthenticationHeader = (): Reply =>
  envelope(404, "404.001.04", "Invalid Authentication Header")

export const invalidAuthType = (): Reply =>
  envelope(400, "400.008.01", "Invalid Authentication passed")

export const invalidGrantType = (): Reply =>
  envelope(400, "400.008.02", "Invalid grant type passed")

/** The sandbox answers a bad consumer key or secret with an empty 400. */
export const badCredentials = (): Reply => raw(400, "")

export const merchantDoesNotExist = (): Reply =>
  envelope(500, "500.001.1001", "Merchant does not exist")

export const wrongCredentials = (): Reply =>
  envelope(500, "500.001.1001", "Wrong credentials")

export const subscriberLocked = (): Reply =>
  envelope(
    500,
    "500.001.1001",
    "Unable to lock subscriber, a transaction is already in process for the current subscriber"
  )

export const beingProcessed = (): Reply =>
  envelope(500, "500.001.1001", "The transaction is being processed")

export const systemBusy = (): Reply =>
  envelope(500, "500.003.02", "System is busy. Please try again in few minutes.")

export const urlsAlreadyRegistered = (): Reply =>
  envelope(500, "500.003.1001", "Urls are already registered")

export const systemInternalError = (): Reply =>
  envelope(500, "500.002.1001", "System internal error.")

/** C2B URL rule violations, e.g. "Invalid ValidationURL - URL has the word MPESA". */
export const invalidC2bUrl = (field: string, reason: string): Reply =>
  envelope(400, "400.003.02", `Invalid ${field} - ${reason}`)
