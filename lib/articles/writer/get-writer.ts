import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { getConfig } from "@/lib/config";
import { createAiWriter } from "./ai-writer";
import { offlineWriter } from "./offline-writer";
import type { InsightWriter } from "./types";

/** Returns the configured writer: the language model at AI_WRITER_BASE_URL when set, else the offline writer. */
export function getInsightWriter(): InsightWriter {
  const settings = getConfig().aiWriter;
  if (!settings) return offlineWriter;

  const provider = createOpenAICompatible({
    name: "ai-writer",
    baseURL: settings.baseUrl,
    apiKey: settings.apiKey,
  });

  return createAiWriter({ model: provider.chatModel(settings.model), fallback: offlineWriter });
}
