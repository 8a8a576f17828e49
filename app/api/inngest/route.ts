import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

// Vercel ends a request after this many seconds. The client's checkpointing
// maxRuntime (50 s) hands a long run over to Inngest before then.
export const maxDuration = 60;

export const { GET, POST, PUT } = serve({ client: inngest, functions });
