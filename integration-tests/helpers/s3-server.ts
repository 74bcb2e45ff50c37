/**
 * A local S3-compatible server for the tests: s3rver (pure JavaScript, from
 * npm; no binary, no Docker), speaking the S3 REST API that Medusa's S3 file
 * provider (AWS SDK v3) talks, path-style, on 127.0.0.1. Objects live in a
 * temporary folder that stop() deletes.
 *
 * s3rver checks that the access key exists (its built-in "S3RVER" key, a
 * throwaway) but neither verifies SigV4 signatures nor enforces ACLs: every
 * object can be read with a plain GET, as a public-read object on a real store.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import S3rver from "s3rver"
import { useLocalServer } from "./local-server"

export type LocalS3 = {
  /** The S3 API endpoint (S3_ENDPOINT). */
  endpoint: string
  bucket: string
  /** Public base URL of the files (S3_FILE_URL): `${endpoint}/${bucket}`. */
  fileUrl: string
  /** The S3_* variables that point Soko at this server. */
  env: Record<string, string>
  /** Every object key in the bucket (ListObjectsV2 over HTTP; keys as listed, XML-escaped). */
  keys: () => Promise<string[]>
  stop: () => Promise<void>
}

/** Starts the server on a free port of 127.0.0.1 with one empty bucket. */
export async function startS3Server(options: { bucket?: string; prefix?: string } = {}): Promise<LocalS3> {
  const bucket = options.bucket ?? "soko-test"
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "soko-s3-"))
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket }],
  })
  let address: { port: number }
  try {
    address = await server.run()
  } catch (error) {
    fs.rmSync(directory, { recursive: true, force: true })
    throw error
  }
  const endpoint = `http://127.0.0.1:${address.port}`
  const fileUrl = `${endpoint}/${bucket}`
  let stopped = false
  return {
    endpoint,
    bucket,
    fileUrl,
    env: {
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_ENDPOINT: endpoint,
      S3_FILE_URL: fileUrl,
      S3_FORCE_PATH_STYLE: "true",
      ...(options.prefix ? { S3_PREFIX: options.prefix } : {}),
    },
    keys: async () => {
      const res = await fetch(`${endpoint}/${bucket}?list-type=2&max-keys=1000`)
      if (!res.ok) {
        throw new Error(`listing bucket ${bucket}: HTTP ${res.status}`)
      }
      const xml = await res.text()
      return [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1])
    },
    stop: async () => {
      if (stopped) {
        return
      }
      stopped = true
      server.httpServer?.closeAllConnections()
      await server.close().catch(() => undefined)
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}

/**
 * Starts the server before the app boots and points its S3_* env at it
 * (see useLocalServer).
 */
export function useS3Server(options: { bucket?: string; prefix?: string } = {}): () => LocalS3 {
  return useLocalServer("local S3 server", async () => {
    const server = await startS3Server(options)
    return { server, env: server.env }
  })
}
