export const phonePageHtml = (): string => "<!doctype html><title>phone</title>"
