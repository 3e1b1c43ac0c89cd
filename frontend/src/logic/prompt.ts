// What tonight's prompt view shows for each stage of answering.
import type { Today } from "../types";

export interface NamedAnswer {
  name: string;
  text: string;
}

export type PromptView =
  | { kind: "none" }
  | { kind: "answer"; question: string; theme: string; partnerName: string; partnerAnswered: boolean }
  | { kind: "waiting"; question: string; theme: string; partnerName: string; ownAnswer: string | null }
  | { kind: "revealed"; question: string; theme: string; mine: NamedAnswer; theirs: NamedAnswer };

/** An answer this page sent, shown as sent until the next Today confirms it. */
export interface SentAnswer {
  promptId: string;
  text: string;
}

export const promptView = (
  today: Pick<Today, "prompt" | "me" | "partner"> | null,
  sent: SentAnswer | null = null,
): PromptView => {
  const prompt = today?.prompt;
  if (!today || !prompt) {
    return { kind: "none" };
  }
  const base = { question: prompt.text, theme: prompt.theme };
  if (prompt.revealed && prompt.answers) {
    return {
      kind: "revealed",
      ...base,
      mine: { name: today.me.name, text: prompt.answers.me },
      theirs: { name: today.partner.name, text: prompt.answers.partner },
    };
  }
  const sentHere = sent != null && sent.promptId === prompt.prompt_id;
  if (prompt.i_answered || sentHere) {
    return {
      kind: "waiting",
      ...base,
      partnerName: today.partner.name,
      ownAnswer: prompt.own_answer ?? (sentHere ? sent.text : null),
    };
  }
  return {
    kind: "answer",
    ...base,
    partnerName: today.partner.name,
    partnerAnswered: prompt.partner_answered,
  };
};
