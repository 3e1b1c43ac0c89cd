// Tonight's prompt: answer privately; both answers show once both have answered.
import { css, html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { define } from "../components/define";
import { ViewBase } from "../components/view-base";
import { answerPrompt } from "../data/websockets";
import { textLength } from "../localize/format";
import { NOTE_MAX } from "../logic/checkin";
import { promptView, type NamedAnswer, type SentAnswer } from "../logic/prompt";
import { fireRefresh } from "../components/refresh";
import { sharedStyles } from "../styles";

// An answer has the same limit as a note.
export const ANSWER_MAX = NOTE_MAX;

export class PromptView extends ViewBase {
  @state() private answer = "";
  @state() private sending = false;
  @state() private problem: string | null = null;
  @state() private sent: SentAnswer | null = null;

  private async send(event: Event) {
    event.preventDefault();
    const answer = this.answer.trim();
    const count = textLength(answer);
    if (!answer) {
      this.problem = this.loc.t("prompt.empty");
      return;
    }
    if (count > ANSWER_MAX) {
      this.problem = this.loc.t("prompt.too_long", { count, max: ANSWER_MAX });
      return;
    }
    const promptId = this.today?.prompt?.prompt_id;
    this.problem = null;
    this.sending = true;
    try {
      await answerPrompt(this.hass, this.entryId, answer);
      this.answer = "";
      this.sent = promptId ? { promptId, text: answer } : null;
      fireRefresh(this);
    } catch (error) {
      this.problem = this.loc.error(error);
    } finally {
      this.sending = false;
    }
  }

  private answerCard(answer: NamedAnswer, id: string) {
    return html`<article class="answer" aria-labelledby=${id}>
      <h4 id=${id}>${answer.name}</h4>
      <p>${answer.text}</p>
    </article>`;
  }

  protected override render() {
    const t = this.loc.t.bind(this.loc);
    if (!this.today) {
      return html`<div class="card"><p>${t("panel.not_connected")}</p></div>`;
    }
    const view = promptView(this.today, this.sent);
    if (view.kind === "none") {
      return html`<section class="card" aria-labelledby="prompt-heading">
        <h2 id="prompt-heading">${t("prompt.heading")}</h2>
        <p>${t("prompt.none")}</p>
        <p class="muted">${t("prompt.none_hint")}</p>
      </section>`;
    }
    return html`
      <section class="card" aria-labelledby="prompt-heading">
        <h2 id="prompt-heading">${t("prompt.heading")}</h2>
        ${view.theme
          ? html`<p class="muted">${t("prompt.theme", { theme: this.loc.theme(view.theme) })}</p>`
          : nothing}
        <blockquote class="question">${view.question}</blockquote>
        ${view.kind === "answer"
          ? html`<form @submit=${this.send}>
              ${view.partnerAnswered
                ? html`<p class="notice">${t("prompt.partner_answered", { name: view.partnerName })}</p>`
                : nothing}
              <label for="answer">${t("prompt.answer_label")}</label>
              <p class="hint" id="answer-hint">
                ${t("prompt.answer_hint", { name: view.partnerName })}
              </p>
              <textarea
                id="answer"
                rows="5"
                aria-describedby="answer-hint"
                .value=${this.answer}
                @input=${(event: Event) => {
                  this.answer = (event.target as HTMLTextAreaElement).value;
                }}
              ></textarea>
              <div class="row send">
                <button type="submit" ?disabled=${this.sending}>${t("prompt.send")}</button>
              </div>
              ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
            </form>`
          : nothing}
        ${view.kind === "waiting"
          ? html`<h3 class="waiting">${t("prompt.waiting", { name: view.partnerName })}</h3>
              <p>${t("prompt.waiting_hint", { name: view.partnerName })}</p>
              ${view.ownAnswer
                ? html`<h4>${t("prompt.what_you_wrote")}</h4>
                    <p class="own">${view.ownAnswer}</p>`
                : nothing}`
          : nothing}
        ${view.kind === "revealed"
          ? html`<section class="both" aria-labelledby="both-heading">
              <h3 id="both-heading">${t("prompt.both")}</h3>
              <div class="answers">
                ${this.answerCard(view.mine, "answer-me")}
                ${this.answerCard(view.theirs, "answer-partner")}
              </div>
            </section>`
          : nothing}
      </section>
    `;
  }

  static override styles = [
    sharedStyles,
    css`
      .question {
        font-size: 1.2rem;
        line-height: 1.5;
        margin: 8px 0 20px;
        padding: 0 0 0 14px;
        border-left: 4px solid var(--primary-color, #03a9f4);
      }
      .send {
        margin-top: 12px;
      }
      /* Side by side where there is room, stacked on narrow screens. */
      .answers {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 240px), 1fr));
        gap: 12px;
      }
      .answer {
        border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
        border-radius: 8px;
        padding: 12px 14px;
        min-width: 0;
      }
      .answer h4,
      h4 {
        margin: 0 0 6px;
        font-weight: 500;
      }
      .answer p,
      .own {
        white-space: pre-wrap;
        margin: 0;
      }
      .waiting {
        margin-top: 0;
      }
    `,
  ];
}

define("mdt-prompt-view", PromptView);
