import type { Measurement, ScenarioContext } from "./types";

export interface ScenarioModule {
  run(context: ScenarioContext): Promise<Measurement[]>;
}

/** The scenarios in the order `npm run bench` runs them; each runs in a child process of its own. */
export const SCENARIOS = {
  "post-text": { title: "Post text", load: () => import("../scenarios/post-text") },
  distillation: { title: "Distillation", load: () => import("../scenarios/distillation") },
  publishing: { title: "Publishing", load: () => import("../scenarios/publishing") },
  pages: { title: "Pages", load: () => import("../scenarios/pages") },
  selection: { title: "Background selection", load: () => import("../scenarios/selection") },
} satisfies Record<string, { title: string; load: () => Promise<ScenarioModule> }>;

export type ScenarioName = keyof typeof SCENARIOS;

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}
