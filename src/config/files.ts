import type { S3FileServiceOptions } from "@medusajs/framework/types"
import type { SokoEnv } from "./env"

type ProviderEntry = { resolve: string; id: string; options: S3FileServiceOptions | { backend_url: string } }
type ModuleEntry = { resolve: string; options: { providers: ProviderEntry[] } }

/**
 * Medusa's file module with one provider. With S3_* set: Medusa's S3 provider,
 * so a product image uploaded through any instance is stored once and served
 * from the bucket's public URL to every instance. Otherwise the local provider:
 * files on this backend's disk, their URLs following its public address (one
 * instance only; see the README's Production profile).
 */
export function fileModule(env: SokoEnv): ModuleEntry {
  if (!env.s3) {
    return {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { backend_url: `${env.backendUrl}/static` },
          },
        ],
      },
    }
  }
  const s3 = env.s3
  const options: S3FileServiceOptions = {
    file_url: s3.fileUrl,
    access_key_id: s3.accessKeyId,
    secret_access_key: s3.secretAccessKey,
    region: s3.region,
    bucket: s3.bucket,
    prefix: s3.prefix,
    ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
    ...(s3.acl !== undefined ? { acl: s3.acl } : {}),
    additional_client_config: { forcePathStyle: s3.forcePathStyle },
  }
  return {
    resolve: "@medusajs/medusa/file",
    options: { providers: [{ resolve: "@medusajs/medusa/file-s3", id: "s3", options }] },
  }
}
