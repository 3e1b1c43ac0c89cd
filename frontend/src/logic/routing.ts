// Which view and which couple a URL asks for, and the URL for a choice.
import type { Couple } from "../types";

export const VIEWS = [
  "today",
  "dose",
  "check-in",
  "prompt",
  "ritual",
  "history",
  "insights",
] as const;
export type View = (typeof VIEWS)[number];

export const DEFAULT_VIEW: View = "today";
export const PANEL_URL = "/microdose-together";

/** The view a route path names ("/prompt", "prompt/", ""); unknown paths show Today. */
export const viewFromPath = (path: string | undefined | null): View => {
  const segment = (path ?? "").split(/[?#]/)[0].replace(/^\/+/, "").split("/")[0];
  return (VIEWS as readonly string[]).includes(segment) ? (segment as View) : DEFAULT_VIEW;
};

/** The couple id a query string asks for (`?couple=`), or null. */
export const coupleFromSearch = (search: string | undefined | null): string | null => {
  const value = new URLSearchParams(search ?? "").get("couple");
  return value ? value : null;
};

export type CoupleChoice =
  | { kind: "none" }
  | { kind: "one"; couple: Couple }
  | { kind: "several"; couple: Couple; couples: Couple[] };

/** Whom to show: the requested couple when the user is a partner of it, else the first. */
export const chooseCouple = (couples: Couple[], requested: string | null): CoupleChoice => {
  if (couples.length === 0) {
    return { kind: "none" };
  }
  const couple =
    couples.find((candidate) => candidate.config_entry_id === requested) ?? couples[0];
  return couples.length === 1 ? { kind: "one", couple } : { kind: "several", couple, couples };
};

/** The address of a view; the couple is kept only when there is a choice to remember. */
export const urlFor = (
  view: View,
  coupleId: string | null,
  prefix: string = PANEL_URL,
): string => {
  const base = `${prefix.replace(/\/+$/, "")}/${view}`;
  return coupleId ? `${base}?couple=${encodeURIComponent(coupleId)}` : base;
};
