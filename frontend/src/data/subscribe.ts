// Keeps one live subscription to a couple's Today object at a time.
import type { HassConnection, Today, UnsubscribeFunc } from "../types";
import { subscribeTodayMessage } from "./websockets";

export const subscribeToday = (
  connection: HassConnection,
  entryId: string,
  onToday: (today: Today) => void,
): Promise<UnsubscribeFunc> =>
  connection.subscribeMessage<Today>(onToday, subscribeTodayMessage(entryId));

/**
 * Holds the subscription of the couple being shown. Switching couples or
 * leaving the panel ends the old one, even while it is still being set up,
 * and events from an old subscription are dropped.
 */
export class TodaySubscription {
  private entryId: string | null = null;
  private connection: HassConnection | null = null;
  private pending: Promise<UnsubscribeFunc | undefined> | null = null;
  private generation = 0;

  constructor(
    private readonly onToday: (today: Today) => void,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  get current(): string | null {
    return this.entryId;
  }

  /** Subscribe to the couple, unless already subscribed to it on this connection. */
  follow(connection: HassConnection, entryId: string): void {
    if (this.entryId === entryId && this.connection === connection && this.pending) {
      return;
    }
    this.stop();
    const generation = ++this.generation;
    this.entryId = entryId;
    this.connection = connection;
    this.pending = subscribeToday(connection, entryId, (today) => {
      if (generation === this.generation) {
        this.onToday(today);
      }
    }).catch((error: unknown) => {
      if (generation === this.generation) {
        this.pending = null;
        this.onError(error);
      }
      return undefined;
    });
  }

  /** End the subscription, if any. */
  stop(): void {
    this.generation++;
    const pending = this.pending;
    this.pending = null;
    this.entryId = null;
    this.connection = null;
    if (pending) {
      void pending.then((unsubscribe) => unsubscribe?.()).catch(() => undefined);
    }
  }
}
