/** The part of s3rver 3.7 (which ships no types) that the test harness uses. */
declare module "s3rver" {
  import type { AddressInfo } from "node:net"
  import type { Server } from "node:http"

  type S3rverOptions = {
    address?: string
    port?: number
    silent?: boolean
    directory?: string
    resetOnClose?: boolean
    vhostBuckets?: boolean
    allowMismatchedSignatures?: boolean
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[]
  }

  export default class S3rver {
    constructor(options?: S3rverOptions)
    httpServer?: Server
    run(): Promise<AddressInfo>
    close(): Promise<void>
  }
}
