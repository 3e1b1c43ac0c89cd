// The ritual's step report: what each device did, in words.
import type { HomeAssistant, RitualReport, RitualStep, Today } from "../types";

export type StepStatus = "done" | "skipped" | "failed";

export interface ReportRow {
  step: string;
  target: string | null;
  status: StepStatus;
  error: string | null;
}

export interface ReportSummary {
  rows: ReportRow[];
  done: number;
  skipped: number;
  failed: number;
}

// A device that was gone or unavailable was skipped; the rest went on.
const MISSING = "missing";

const statusOf = (step: RitualStep): StepStatus => {
  if (step.ok) return "done";
  return step.error === MISSING ? "skipped" : "failed";
};

export const ritualReport = (report: RitualReport | null | undefined): ReportSummary => {
  const rows = (report?.steps ?? []).map(
    (step): ReportRow => ({
      step: step.step,
      target: step.target ?? null,
      status: statusOf(step),
      error: step.error ?? null,
    }),
  );
  const count = (status: StepStatus) => rows.filter((row) => row.status === status).length;
  return { rows, done: count("done"), skipped: count("skipped"), failed: count("failed") };
};

/** What a step acted on, in words: a partner's phones, or a device's own name. */
export type TargetName = { kind: "phones"; name: string } | { kind: "device"; name: string };

export const targetName = (
  target: string,
  today: Pick<Today, "me" | "partner"> | null,
  states: HomeAssistant["states"],
): TargetName => {
  const phones = /^prompt_(\d+)$/.exec(target);
  if (phones) {
    const slot = Number(phones[1]);
    const partner = [today?.me, today?.partner].find((p) => p?.slot === slot);
    return { kind: "phones", name: partner?.name ?? target };
  }
  return { kind: "device", name: states?.[target]?.attributes?.friendly_name ?? target };
};
