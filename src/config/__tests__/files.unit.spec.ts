import { readSokoEnv, SokoConfigError } from "../env"
import { fileModule } from "../files"

// Throwaway values: no real bucket or key.
const S3 = {
  S3_BUCKET: "shop-files",
  S3_REGION: "auto",
  S3_ACCESS_KEY_ID: "test-access-key",
  S3_SECRET_ACCESS_KEY: "test-secret-key",
  S3_FILE_URL: "https://files.example.com/shop-files/",
}

describe("file storage (S3_*)", () => {
  it("keeps uploads on this backend's disk, under its public address, when no S3_* is set", () => {
    expect(fileModule(readSokoEnv({ MEDUSA_BACKEND_URL: "https://api.shop.example" }))).toEqual({
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { backend_url: "https://api.shop.example/static" },
          },
        ],
      },
    })
    expect(readSokoEnv({}).s3).toBeUndefined()
  })

  it("registers Medusa's S3 provider with every option when S3_* is set", () => {
    const module = fileModule(
      readSokoEnv({
        ...S3,
        S3_ENDPOINT: "https://account.r2.example.com",
        S3_PREFIX: "/shop1/images/",
        S3_FORCE_PATH_STYLE: "true",
        S3_ACL: "none",
      })
    )
    expect(module).toEqual({
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-s3",
            id: "s3",
            options: {
              file_url: "https://files.example.com/shop-files",
              access_key_id: "test-access-key",
              secret_access_key: "test-secret-key",
              region: "auto",
              bucket: "shop-files",
              prefix: "shop1/images/",
              endpoint: "https://account.r2.example.com",
              acl: false,
              additional_client_config: { forcePathStyle: true },
            },
          },
        ],
      },
    })
  })

  it.each<[string, Record<string, string>, Partial<Record<string, unknown>>]>([
    ["AWS defaults: no endpoint, no prefix, virtual-hosted, Medusa's ACLs", {}, { prefix: "" }],
    ["a prefix without slashes becomes a folder", { S3_PREFIX: "shop1" }, { prefix: "shop1/" }],
    ["a canned ACL for every upload", { S3_ACL: "Bucket-Owner-Full-Control" }, { acl: "bucket-owner-full-control" }],
    ["path-style turned off explicitly", { S3_FORCE_PATH_STYLE: "no" }, { additional_client_config: { forcePathStyle: false } }],
  ])("%s", (_case, extra, expected) => {
    const [provider] = fileModule(readSokoEnv({ ...S3, ...extra })).options.providers
    expect(provider.options).toEqual(expect.objectContaining(expected))
    if (!extra.S3_ACL) {
      expect(provider.options).not.toHaveProperty("acl")
    }
    expect(provider.options).not.toHaveProperty("endpoint")
  })

  const without = (name: keyof typeof S3) => Object.fromEntries(Object.entries(S3).filter(([key]) => key !== name))

  it.each<[string, Record<string, string>, string, RegExp]>([
    ["S3_BUCKET without an access key", without("S3_ACCESS_KEY_ID"), "S3_ACCESS_KEY_ID", /missing: S3_ACCESS_KEY_ID\)/],
    ["no secret key", without("S3_SECRET_ACCESS_KEY"), "S3_SECRET_ACCESS_KEY", /missing: S3_SECRET_ACCESS_KEY\)/],
    ["no bucket", without("S3_BUCKET"), "S3_BUCKET", /missing: S3_BUCKET\)/],
    ["no region", without("S3_REGION"), "S3_REGION", /missing: S3_REGION\)/],
    ["no public file URL", without("S3_FILE_URL"), "S3_FILE_URL", /missing: S3_FILE_URL\)/],
    [
      "only S3_BUCKET",
      { S3_BUCKET: "shop-files" },
      "S3_REGION",
      /when S3_BUCKET is set: .*missing: S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FILE_URL\)/,
    ],
    ["only an optional one", { S3_ENDPOINT: "http://127.0.0.1:9000" }, "S3_BUCKET", /when S3_ENDPOINT is set/],
    ["a blank required one", { ...S3, S3_ACCESS_KEY_ID: "  " }, "S3_ACCESS_KEY_ID", /must be set/],
    ["a file URL that is no URL", { ...S3, S3_FILE_URL: "files.example.com" }, "S3_FILE_URL", /not a valid URL/],
    ["a file URL that is not http(s)", { ...S3, S3_FILE_URL: "s3://shop-files" }, "S3_FILE_URL", /must start with https: or http:/],
    ["an endpoint that is no URL", { ...S3, S3_ENDPOINT: "minio:9000" }, "S3_ENDPOINT", /must start with https: or http:/],
    ["a path-style flag that is no boolean", { ...S3, S3_FORCE_PATH_STYLE: "sometimes" }, "S3_FORCE_PATH_STYLE", /true or false/],
    ["an unknown ACL", { ...S3, S3_ACL: "public" }, "S3_ACL", /public-read, private, authenticated-read, bucket-owner-full-control or none/],
  ])("rejects %s, naming %s", (_case, input, variable, message) => {
    let error: unknown
    try {
      readSokoEnv(input)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SokoConfigError)
    expect((error as SokoConfigError).variable).toBe(variable)
    expect((error as Error).message).toMatch(new RegExp(`^${variable}: `))
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toContain(S3.S3_SECRET_ACCESS_KEY)
  })
})
