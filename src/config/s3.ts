import { nonEmpty, readBoolean, readUrl, SokoConfigError, type Env } from "./read"

/** An S3 bucket (AWS or any S3-compatible store) every instance reads and writes files through. */
export type S3Storage = {
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** Public base URL of the files, without a trailing slash: file URLs are `${fileUrl}/${key}`. */
  fileUrl: string
  /** The store's API endpoint when it is not AWS (R2, MinIO, Spaces…). */
  endpoint?: string
  /** A folder in the bucket for this shop's files, ending in "/"; "" for the bucket's root. */
  prefix: string
  /** Bucket in the path (`endpoint/bucket/key`) instead of the host name, as MinIO needs. */
  forcePathStyle: boolean
  /** The canned ACL put on uploads, or false to send none (buckets with ACLs disabled). */
  acl?: S3Acl | false
}

const S3_REQUIRED = ["S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FILE_URL"] as const
const S3_OPTIONAL = ["S3_ENDPOINT", "S3_PREFIX", "S3_FORCE_PATH_STYLE", "S3_ACL"] as const
export const S3_ACLS = ["public-read", "private", "authenticated-read", "bucket-owner-full-control"] as const
export type S3Acl = (typeof S3_ACLS)[number]

/**
 * S3_* all together or not at all: one set variable means the merchant wants
 * S3, so a missing one is an error (naming it), never a silent fallback to
 * this server's disk, where other instances cannot see the files.
 */
export function readS3(env: Env): S3Storage | undefined {
  const set = [...S3_REQUIRED, ...S3_OPTIONAL].filter((name) => nonEmpty(env, name) !== undefined)
  if (!set.length) {
    return undefined
  }
  const missing = S3_REQUIRED.filter((name) => nonEmpty(env, name) === undefined)
  if (missing.length) {
    throw new SokoConfigError(
      missing[0],
      `must be set when ${set.join(", ")} ${set.length > 1 ? "are" : "is"} set: S3 file storage needs ` +
        `${S3_REQUIRED.join(", ")} (missing: ${missing.join(", ")})`
    )
  }
  const acl = nonEmpty(env, "S3_ACL")?.toLowerCase()
  if (acl !== undefined && acl !== "none" && !(S3_ACLS as readonly string[]).includes(acl)) {
    throw new SokoConfigError("S3_ACL", `must be one of ${S3_ACLS.join(", ")} or none (got "${acl}")`)
  }
  const prefix = (nonEmpty(env, "S3_PREFIX") ?? "").replace(/^\/+|\/+$/g, "")
  return {
    bucket: nonEmpty(env, "S3_BUCKET")!,
    region: nonEmpty(env, "S3_REGION")!,
    accessKeyId: nonEmpty(env, "S3_ACCESS_KEY_ID")!,
    secretAccessKey: nonEmpty(env, "S3_SECRET_ACCESS_KEY")!,
    fileUrl: readUrl(env, "S3_FILE_URL", ["https:", "http:"])!.replace(/\/+$/, ""),
    endpoint: readUrl(env, "S3_ENDPOINT", ["https:", "http:"]),
    prefix: prefix ? `${prefix}/` : "",
    forcePathStyle: readBoolean(env, "S3_FORCE_PATH_STYLE"),
    acl: acl === undefined ? undefined : acl === "none" ? false : (acl as S3Acl),
  }
}
