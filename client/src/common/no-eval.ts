// The pages run under a Content-Security-Policy without 'unsafe-eval'
// (server/http/security-headers.ts). zod 4 compiles object parsers with
// `new Function` unless told not to, and its probe for that alone is a policy
// violation: every page imports this module first, before any schema is used.
// (colyseus.js's msgpackr is swapped for its no-eval build in vite.config.ts.)
import { config } from "zod";

config({ jitless: true });
