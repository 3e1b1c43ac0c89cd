// Check-in form rules, the same the server applies.
import { textLength } from "../localize/format";

export const SCALES = ["mood", "connection", "stress"] as const;
export type Scale = (typeof SCALES)[number];
export const SCORE_VALUES = [1, 2, 3, 4, 5] as const;
export const NOTE_MAX = 2000; // the integration's limit for a note or an answer

export interface CheckInDraft {
  mood: number | null;
  connection: number | null;
  stress: number | null;
  note: string;
}

export type CheckInProblem =
  | { field: Scale; kind: "missing" }
  | { field: "note"; kind: "too_long"; count: number; max: number };

export const emptyCheckIn = (): CheckInDraft => ({
  mood: null,
  connection: null,
  stress: null,
  note: "",
});

export const isScore = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5;

/** Turns a radio value ("4") into a score, or null when it is not one. */
export const parseScore = (value: string | null | undefined): number | null => {
  if (value == null || !/^\s*\d+\s*$/.test(value)) {
    return null;
  }
  const score = Number(value);
  return isScore(score) ? score : null;
};

export const validateCheckIn = (draft: CheckInDraft): CheckInProblem[] => {
  const problems: CheckInProblem[] = [];
  for (const scale of SCALES) {
    if (!isScore(draft[scale])) {
      problems.push({ field: scale, kind: "missing" });
    }
  }
  const count = textLength(draft.note.trim());
  if (count > NOTE_MAX) {
    problems.push({ field: "note", kind: "too_long", count, max: NOTE_MAX });
  }
  return problems;
};

/** The command's fields, or null while the draft is not valid. An empty note is left out. */
export const checkInPayload = (
  draft: CheckInDraft,
): { mood: number; connection: number; stress: number; note?: string } | null => {
  if (validateCheckIn(draft).length > 0) {
    return null;
  }
  const note = draft.note.trim();
  return {
    mood: draft.mood as number,
    connection: draft.connection as number,
    stress: draft.stress as number,
    ...(note ? { note } : {}),
  };
};
