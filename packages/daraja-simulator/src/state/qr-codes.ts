import type { QrFields } from "../qr/payload"

/** A Dynamic QR the simulator drew, so the phone page can offer it to "scan". */
export interface QrCodeRecord extends QrFields {
  requestId: string
  payload: string
  size: number
  at: number
}

const MAX_CODES = 1_000

export class QrCodeStore {
  private codes: QrCodeRecord[] = []

  add(code: QrCodeRecord): void {
    this.codes.push(code)
    if (this.codes.length > MAX_CODES) {
      this.codes = this.codes.slice(-MAX_CODES)
    }
  }

  findByPayload(payload: string): QrCodeRecord | undefined {
    return [...this.codes].reverse().find((c) => c.payload === payload.trim())
  }

  list(): QrCodeRecord[] {
    return [...this.codes]
  }

  clear(): void {
    this.codes = []
  }
}
