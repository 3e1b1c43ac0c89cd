import assert from "node:assert/strict";
import { test } from "node:test";
import { TodaySubscription } from "../src/data/subscribe";
import {
  answerPrompt,
  checkIn,
  endRitual,
  fetchCouples,
  fetchHistory,
  fetchInsights,
  fetchToday,
  fetchTranslations,
  logDose,
  setIntention,
  setTodayFeels,
  startRitual,
} from "../src/data/websockets";
import type { HassConnection, Today, UnsubscribeFunc } from "../src/types";
import { today } from "./fixtures";

const recorder = (answer: unknown = null) => {
  const sent: Record<string, unknown>[] = [];
  return {
    sent,
    hass: {
      callWS: async <T>(message: Record<string, unknown>): Promise<T> => {
        sent.push(message);
        return answer as T;
      },
    },
  };
};

test("each command sends its type and fields, and never a partner", async () => {
  const { sent, hass } = recorder();
  await fetchCouples(hass);
  await fetchToday(hass, "e1");
  await logDose(hass, "e1");
  await logDose(hass, "e1", true);
  await checkIn(hass, "e1", { mood: 4, connection: 3, stress: 2 });
  await checkIn(hass, "e1", { mood: 1, connection: 5, stress: 5, note: "mine" });
  await answerPrompt(hass, "e1", "An answer");
  await setIntention(hass, "e1", "Slow down");
  await setTodayFeels(hass, "e1", "not_calm");
  await startRitual(hass, "e1");
  await startRitual(hass, "e1", "custom_1");
  await endRitual(hass, "e1");
  await fetchHistory(hass, "e1", "2026-11-01", "2026-11-30");
  await fetchInsights(hass, "e1", "2026-09-02", "2026-11-30");
  assert.deepEqual(sent, [
    { type: "microdose_together/couples" },
    { type: "microdose_together/today", config_entry_id: "e1" },
    { type: "microdose_together/log_dose", config_entry_id: "e1" },
    { type: "microdose_together/log_dose", config_entry_id: "e1", acknowledge_off_protocol: true },
    { type: "microdose_together/check_in", config_entry_id: "e1", mood: 4, connection: 3, stress: 2 },
    { type: "microdose_together/check_in", config_entry_id: "e1", mood: 1, connection: 5, stress: 5, note: "mine" },
    { type: "microdose_together/answer_prompt", config_entry_id: "e1", answer: "An answer" },
    { type: "microdose_together/set_intention", config_entry_id: "e1", intention: "Slow down" },
    { type: "microdose_together/today_feels", config_entry_id: "e1", today_feels: "not_calm" },
    { type: "microdose_together/start_ritual", config_entry_id: "e1" },
    { type: "microdose_together/start_ritual", config_entry_id: "e1", preset: "custom_1" },
    { type: "microdose_together/end_ritual", config_entry_id: "e1" },
    { type: "microdose_together/history", config_entry_id: "e1", start: "2026-11-01", end: "2026-11-30" },
    { type: "microdose_together/insights", config_entry_id: "e1", start: "2026-09-02", end: "2026-11-30" },
  ]);
  assert.ok(sent.every((message) => !("partner" in message)));
});

test("translations are asked for this integration and category", async () => {
  const { sent, hass } = recorder({ resources: { "a.b": "c" } });
  assert.deepEqual(await fetchTranslations(hass, "fi", "exceptions"), { "a.b": "c" });
  assert.deepEqual(sent[0], {
    type: "frontend/get_translations",
    language: "fi",
    category: "exceptions",
    integration: ["microdose_together"],
  });
});

/** A connection whose subscriptions the test pushes events into. */
const fakeConnection = () => {
  const subscriptions: {
    message: Record<string, unknown>;
    callback: (today: Today) => void;
    unsubscribed: boolean;
    resolve: () => void;
  }[] = [];
  let deferred = false;
  const connection: HassConnection & { defer(on: boolean): void } = {
    defer(on: boolean) {
      deferred = on;
    },
    subscribeMessage<T>(callback: (message: T) => void, message: Record<string, unknown>) {
      const entry = {
        message,
        callback: callback as unknown as (today: Today) => void,
        unsubscribed: false,
        resolve: (): void => undefined,
      };
      subscriptions.push(entry);
      const unsubscribe: UnsubscribeFunc = async () => {
        entry.unsubscribed = true;
      };
      if (!deferred) return Promise.resolve(unsubscribe);
      return new Promise<UnsubscribeFunc>((resolve) => {
        entry.resolve = () => resolve(unsubscribe);
      });
    },
  };
  return { connection, subscriptions };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test("the subscription delivers Today and ends when stopped", async () => {
  const { connection, subscriptions } = fakeConnection();
  const received: Today[] = [];
  const holder = new TodaySubscription((t) => received.push(t));
  holder.follow(connection, "e1");
  assert.deepEqual(subscriptions[0].message, {
    type: "microdose_together/subscribe",
    config_entry_id: "e1",
  });
  subscriptions[0].callback(today());
  assert.equal(received.length, 1);
  holder.stop();
  await settle();
  assert.equal(subscriptions[0].unsubscribed, true);
  subscriptions[0].callback(today());
  assert.equal(received.length, 1, "no events after stopping");
});

test("following the same couple again does not subscribe twice", async () => {
  const { connection, subscriptions } = fakeConnection();
  const holder = new TodaySubscription(() => undefined);
  holder.follow(connection, "e1");
  holder.follow(connection, "e1");
  assert.equal(subscriptions.length, 1);
});

test("changing couple ends the old subscription and drops its events", async () => {
  const { connection, subscriptions } = fakeConnection();
  const received: string[] = [];
  const holder = new TodaySubscription((t) => received.push(t.config_entry_id));
  holder.follow(connection, "e1");
  holder.follow(connection, "e2");
  await settle();
  assert.equal(subscriptions.length, 2);
  assert.equal(subscriptions[0].unsubscribed, true);
  assert.equal(subscriptions[1].unsubscribed, false);
  subscriptions[0].callback(today({ config_entry_id: "e1" }));
  subscriptions[1].callback(today({ config_entry_id: "e2" }));
  assert.deepEqual(received, ["e2"]);
  assert.equal(holder.current, "e2");
});

test("stopping while the subscription is still being set up still unsubscribes", async () => {
  const { connection, subscriptions } = fakeConnection();
  connection.defer(true);
  const holder = new TodaySubscription(() => undefined);
  holder.follow(connection, "e1");
  holder.stop();
  subscriptions[0].resolve();
  await settle();
  assert.equal(subscriptions[0].unsubscribed, true);
});

test("a refused subscription reports the error once", async () => {
  const errors: unknown[] = [];
  const connection: HassConnection = {
    subscribeMessage: () => Promise.reject({ code: "unknown_command" }),
  };
  const holder = new TodaySubscription(() => undefined, (error) => errors.push(error));
  holder.follow(connection, "e1");
  await settle();
  assert.deepEqual(errors, [{ code: "unknown_command" }]);
});
