import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  HAZARD_ACTION_LABELS, HAZARD_CATEGORIES, HAZARD_STATUS_LABELS, MAJOR_RULE_SETS, SEVERITY_LABELS, SUPERVISION_LEVEL_LABELS,
  canSeeReporter, createLifecycle, deadlineText, historyActionText, historyActor, isOpen, redactReporter, referenceOf, reporterName, reviewPassed,
  shanghaiTime, suggestMajor, supervisionState, tipOffClocks,
} from '@firegrid/core';
import type {
  FiregridClient, Hazard, HazardAction, HostSession, Lifecycle, Locale, MajorRuleSet, MajorSuggestion, PlaceKind, TwoListPlace,
} from '@firegrid/core';
import { hazardAccent } from '../hazard-report/hazard-report.styles.js';
import { baseStyles, message } from '../styles.js';
import { PhotoUrls } from '../hazard-report/photos.js';
import { detailStyles, flagStyles } from './hazard-ledger.styles.js';
import { dt } from './detail-messages.js';
import { flagsOf, phone, phoneKey } from './table.js';
import { t } from './messages.js';
import { peopleSources } from './people.js';
import type { PeopleCache } from './people.js';
import { QueuedFollower, queuedNote, queuedText, refusalText } from '../queued.js';
import type { QueuedTransition, TransitionValues } from './transition-form.js';

/**
 * One hazard: its fields as the viewer may see them, photos read through the data port, the
 * history, a major-hazard suggestion from the rule set of its discovery date, and exactly the
 * actions the viewer's roles allow now, each opening its transition form.
 *
 * A transition the offline client queued says 待发送（n） in the warning tone with what happens
 * next, then 已发送 once the outbox has sent it (the hazard read again). Should the server refuse
 * it, the note says 服务器未接受 and why, the hazard goes back to how it was, and
 * 修改后重新提交 opens the transition's form again with everything that was filled in.
 *
 * @internal Rendered by `<fg-hazard-ledger>`; not used on its own.
 * @tag fg-hazard-detail
 */
export class FgHazardDetail extends LitElement {
  static override styles = [baseStyles, hazardAccent, flagStyles, detailStyles];

  /** The client. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** The hazard shown. */
  @property({ attribute: false }) hazard: Hazard | undefined;
  /** The viewer's session. */
  @property({ attribute: false }) session: HostSession | undefined;
  /** The language. */
  @property({ attribute: false }) locale: Locale = 'zh-CN';
  /** Major-hazard rule sets; the built-in ones when unset. */
  @property({ attribute: false }) ruleSets: readonly MajorRuleSet[] | undefined;
  /** Names the ledger looked up (directory, worker records), besides those stored with the writes. */
  @property({ attribute: false }) people: PeopleCache | undefined;
  /** The hazard's place, when known. */
  @property({ attribute: false }) place: TwoListPlace | null | undefined;
  /** Called with the hazard after a transition. */
  @property({ attribute: false }) onChange: ((next: Hazard) => void) | undefined;

  @state() private action: HazardAction | undefined;
  @state() private status = '';
  @state() private suggestion: MajorSuggestion | undefined;
  /** Phones tapped to show in full. */
  @state() private revealed: ReadonlySet<string> = new Set();
  /** The rule-set elements evidenced at the place and its kind, for the determination form. */
  @state() private evidence: { refs: readonly string[]; placeKind: PlaceKind | undefined } = { refs: [], placeKind: undefined };
  /** The transition queued on the device, while its note is shown. */
  @state() private queuedTransition: QueuedTransition | undefined;
  /** A refused transition brought back into its form. */
  @state() private refill: { values: TransitionValues; refusal: string; replaces: string } | undefined;
  private readonly urls = new PhotoUrls(() => { this.requestUpdate(); });
  private readonly queued = new QueuedFollower(this);
  private suggestedFor = '';
  private lifecycleFor: {
    client: FiregridClient | undefined; locale: Locale; ruleSets: readonly MajorRuleSet[] | undefined; lifecycle: Lifecycle;
  } | undefined;

  /** The lifecycle with the vendor's role matrix and rules (`client.roles`, `client.lifecycle`) and rule sets, in the detail's language. */
  private get lifecycle(): Lifecycle {
    const { client, locale, ruleSets } = this;
    const cached = this.lifecycleFor;
    if (cached !== undefined && cached.client === client && cached.locale === locale && cached.ruleSets === ruleSets) return cached.lifecycle;
    const lifecycle = createLifecycle({
      ...(client === undefined ? {} : { ...client.lifecycle, roles: client.roles }), ...(ruleSets === undefined ? {} : { ruleSets }), locale,
    });
    this.lifecycleFor = { client, locale, ruleSets, lifecycle };
    return lifecycle;
  }

  constructor() {
    super();
    this.addController({ hostDisconnected: () => { this.urls.clear(); } });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const h = this.hazard;
    if (changed.has('hazard') && h?.id !== changed.get('hazard')?.id) {
      this.revealed = new Set();
      // Another hazard: the note of this one's queued transition goes (the outbox keeps the write).
      if (this.queuedTransition !== undefined && this.queuedTransition.before.id !== h?.id) {
        this.queued.stop();
        this.queuedTransition = undefined;
        this.refill = undefined;
      }
    }
    if (changed.has('hazard') && h !== undefined && `${h.id}@${h.version}` !== this.suggestedFor) {
      this.suggestedFor = `${h.id}@${h.version}`;
      void this.suggest(h);
    }
  }

  /** Focuses the heading (after opening, so a screen reader starts here). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#d-title')?.focus();
  }

  /** The rule set's suggestion from the elements evidenced by the open hazards of the same place. */
  private async suggest(h: Hazard): Promise<void> {
    this.suggestion = undefined;
    this.evidence = { refs: [], placeKind: undefined };
    const client = this.client;
    if (client === undefined || !isOpen(h) || h.severity === 'major') return;
    const refs = new Set(h.ruleRefs ?? []);
    let placeKind: PlaceKind | undefined;
    try {
      if (h.placeId !== undefined) {
        const [others, place] = await Promise.all([
          client.data.list('hazards', { placeId: h.placeId, status: ['draft', 'reported', 'verified', 'assigned', 'rectifying', 'awaiting-review'], limit: 500 }),
          client.data.get('places', h.placeId),
        ]);
        for (const o of others.items) for (const r of o.ruleRefs ?? []) refs.add(r);
        placeKind = place?.kind;
      }
    } catch {
      // Without the other hazards the suggestion rests on this one's own elements.
    }
    if (this.hazard?.id !== h.id) return;
    this.evidence = { refs: [...refs], placeKind };
    if (refs.size === 0) return;
    const s = suggestMajor({ ruleRefs: [...refs], discoveredAt: h.createdAt, ...(placeKind === undefined ? {} : { placeKind }) }, { ruleSets: this.ruleSets ?? MAJOR_RULE_SETS });
    this.suggestion = s.suggest ? s : undefined;
  }

  private readonly onClose = (next: Hazard | undefined, message: string, queued?: QueuedTransition): void => {
    const action = this.action;
    this.action = undefined;
    this.refill = undefined;
    const client = this.client;
    if (next !== undefined) {
      this.hazard = next;
      this.onChange?.(next);
      if (queued !== undefined && client !== undefined) {
        this.status = '';
        this.queuedTransition = queued;
        this.queued.follow(client, queued.entryId, {
          sent: () => { void this.reread(client, queued.before.id); },
          // Not done after all: the hazard as it was, until the person sends it again.
          refused: () => {
            if (this.hazard?.id !== queued.before.id) return;
            this.hazard = queued.before;
            this.onChange?.(queued.before);
            void this.updateComplete.then(() => { this.renderRoot.querySelector<HTMLElement>('#d-queued')?.focus(); });
          },
        });
      } else {
        this.status = message;
        this.queuedTransition = undefined;
        this.queued.stop();
      }
    }
    void this.updateComplete.then(() => {
      const back = action === undefined ? null : this.renderRoot.querySelector<HTMLElement>(`[data-action="${action}"]`);
      (back ?? this.renderRoot.querySelector<HTMLElement>('#d-title'))?.focus();
    });
  };

  /** The hazard as the server has it now, once a queued transition was sent. */
  private async reread(client: FiregridClient, id: string): Promise<void> {
    try {
      const fresh = await client.data.get('hazards', id);
      if (fresh !== null && this.hazard?.id === id) {
        this.hazard = fresh;
        this.onChange?.(fresh);
      }
    } catch {
      // The lifecycle's provisional copy stays shown; the list reads it again with the next load.
    }
  }

  /** 修改后重新提交: the refused transition's form again, as it was filled in, with why. */
  private readonly onRefill = (): void => {
    const q = this.queuedTransition;
    const entry = this.queued.refusedEntry;
    const refused = this.queued.refused;
    if (q === undefined || entry === undefined || refused === undefined) return;
    this.refill = { values: q.values, refusal: refusalText(this, refused, this.locale), replaces: entry.id };
    this.action = q.action;
  };

  /** The note of a queued transition: 待发送（n）, 已发送, or 服务器未接受 with why and 修改后重新提交. */
  private queuedBox(q: QueuedTransition): TemplateResult {
    const { locale } = this;
    const f = this.queued;
    const state = f.state;
    const refused = f.refused;
    return queuedNote({
      locale, state, pending: f.pending, what: HAZARD_ACTION_LABELS[q.action][locale], id: 'd-queued', part: 'sync',
      ...(state === 'refused' && refused !== undefined ? { reason: refusalText(this, refused, locale) } : {}),
      ...(state === 'refused' && this.action === undefined
        ? { actions: html`<div class="row"><button type="button" class="primary" id="d-refill" @click=${this.onRefill}>${queuedText('edit', locale)}</button></div>` }
        : {}),
    });
  }

  private suggestionBox(s: MajorSuggestion): TemplateResult {
    const { locale } = this;
    const set = s.ruleSet;
    if (set === undefined) return html``;
    const doc = `${set.doc}${set.inForce.until === undefined ? '' : dt('superseded', locale)}`;
    const mark = (verified: boolean): string => (verified ? '' : dt('suggestUnverified', locale));
    const elements = [...s.direct, ...s.unknown, ...(s.thresholds.length > 0 ? s.composite : [])];
    return html`<aside class="suggestion" part="suggestion" aria-labelledby="d-suggest">
      <h4 id="d-suggest">${dt('suggestTitle', locale)}</h4>
      <p>${dt('suggest', locale, { doc })}</p>
      <ul>${elements.map((el) => html`<li>${el.id.includes('.') ? `${el.id} ` : ''}${el.text[locale] ?? el.text['zh-CN']}${mark(el.verified)}</li>`)}</ul>
      ${s.thresholds.map((th) => html`<p>${dt('suggestThreshold', locale, { text: th.text[locale] ?? th.text['zh-CN'] })}${mark(th.verified)}</p>`)}
      ${set.complete ? nothing : html`<p>${dt('suggestIncomplete', locale, { doc: set.doc })}</p>`}
      <p>${dt('suggestPeople', locale)}</p>
    </aside>`;
  }

  /** 挂牌督办 as it stands: requested (and by whom it waits), listed, or lifted. */
  private supervisionRow(h: Hazard): string {
    const { locale } = this;
    const sup = h.supervision;
    if (sup === undefined) return '';
    const level = SUPERVISION_LEVEL_LABELS[sup.level][locale];
    const deadline = sup.deadline === undefined ? '' : dt('supervisionDeadline', locale, { d: deadlineText(sup.deadline) });
    switch (supervisionState(h)) {
      case 'requested':
        return dt('supervisionRequested', locale, { level, at: shanghaiTime(sup.requestedAt ?? ''), authority: sup.authority ?? '', deadline });
      case 'lifted':
        return dt('supervisionLifted', locale, { level, at: shanghaiTime(sup.listedAt ?? ''), lifted: shanghaiTime(sup.liftedAt ?? '') });
      default:
        return dt('supervisionText', locale, { level, at: shanghaiTime(sup.listedAt ?? ''), deadline });
    }
  }

  /** A tip-off clock: its due time, and when it was done or that it is overdue. */
  private clockRow(due: string, done: string | undefined, overdue: boolean): string {
    const { locale } = this;
    const at = shanghaiTime(due);
    if (done !== undefined) return dt('clockDone', locale, { due: at, done: shanghaiTime(done) });
    return overdue ? dt('clockOverdue', locale, { due: at }) : at;
  }

  /** 举报奖励 as recorded: not due, or due with its amount and whether it was paid. */
  private rewardRow(reward: NonNullable<Hazard['reward']>): string {
    const { locale } = this;
    if (!reward.due) return dt('rewardNone', locale);
    return dt('rewardDue', locale, {
      amount: reward.amount === undefined ? '' : dt('rewardAmount', locale, { n: reward.amount }),
      paid: reward.paidAt === undefined ? dt('rewardUnpaid', locale) : dt('rewardPaid', locale, { d: reward.paidAt }),
    });
  }

  private readonly reveal = (key: string): void => {
    const next = new Set(this.revealed);
    if (!next.delete(key)) next.add(key);
    this.revealed = next;
  };

  /**
   * 发现人: his name, his contact masked until tapped, and （保密） when confidential. Only a viewer
   * who may see a confidential reporter gets his contact at all (`canSeeReporter`).
   */
  private finder(h: Hazard, viewer: { id: string; roles: HostSession['user']['roles'] }, people: ReturnType<typeof peopleSources>): TemplateResult {
    const { locale } = this;
    const r = h.reporter;
    const name = reporterName(h, { viewer, sources: people, locale });
    const contact = canSeeReporter(r, viewer) ? r.contact?.trim() ?? '' : '';
    return html`${name}${contact === '' ? nothing : html` ${phone(contact, phoneKey(h, 'reporter'), this.revealed, locale, this.reveal)}`}${
      r.confidential ? t('confidential', locale) : ''}`;
  }

  override render(): TemplateResult {
    const { hazard, session, locale, lifecycle } = this;
    if (hazard === undefined || session === undefined) return html``;
    const now = this.client?.now() ?? new Date();
    // The name rides along so an offline transition's history entry shows it too (byName).
    const viewer = { id: session.user.id, roles: session.user.roles, name: session.user.name };
    // As the server would send it to this viewer: a backend that forgot to strip a confidential
    // reporter (from his history entries too) still shows him only as 群众（保密）.
    const h = redactReporter(hazard, viewer, locale);
    const people = peopleSources(this.people ?? { directory: new Map(), workers: new Map() }, session);
    const actions = lifecycle.allowedActions(h, viewer, now);
    const place = this.place ?? undefined;
    const row = (label: string, value: unknown): TemplateResult | typeof nothing =>
      (value === undefined || value === '' ? nothing : html`<dt>${label}</dt><dd>${value}</dd>`);
    const sup = h.supervision;
    const settings = this.client?.tipOffClocks ?? {};
    const clocks = tipOffClocks(h, now, settings);
    return html`<section part="detail" aria-labelledby="d-title">
      <h3 id="d-title" tabindex="-1">${h.title}</h3>
      <p><span class="badge">${HAZARD_STATUS_LABELS[h.status][locale]}</span><span class="badge ${h.severity}">${SEVERITY_LABELS[h.severity][locale]}</span>${flagsOf(h, now, locale, lifecycle.dueSoonDays, settings)}</p>
      <dl>
        ${row(dt('place', locale), place?.name)}
        ${row(dt('address', locale), h.address ?? place?.address)}
        ${row(dt('category', locale), HAZARD_CATEGORIES[h.category][locale])}
        ${row(dt('location', locale), h.location === undefined ? undefined : `${h.location.lng.toFixed(6)}, ${h.location.lat.toFixed(6)} (${h.location.crs})`)}
        ${row(dt('reference', locale), h.source === 'public' ? referenceOf(h.id) : undefined)}
        ${row(dt('foundAt', locale), shanghaiTime(h.createdAt))}
        ${row(dt('finder', locale), this.finder(h, viewer, people))}
        ${h.description.trim() === '' ? nothing : html`<dt>${dt('description', locale)}</dt><dd class="pre">${h.description}</dd>`}
        ${row(dt('deadline', locale), h.deadline === undefined ? undefined : deadlineText(h.deadline))}
        ${row(dt('responsible', locale), h.responsible === undefined ? undefined : html`${h.responsible.unit} / ${h.responsible.person}${
          h.responsible.phone === undefined ? nothing : html` / ${phone(h.responsible.phone, phoneKey(h, 'responsible'), this.revealed, locale, this.reveal)}`}`)}
        ${h.measures === undefined ? nothing : html`<dt>${dt('measures', locale)}</dt><dd class="pre">${h.measures}</dd>`}
        ${row(dt('supervision', locale), sup === undefined ? undefined : this.supervisionRow(h))}
        ${row(dt('supervisionAuthority', locale), sup?.authority)}
        ${row(dt('review', locale), reviewPassed(h) && lifecycle.closesByLift(h) ? dt('awaitingLift', locale) : undefined)}
        ${row(dt('accepted', locale), h.acceptedAt === undefined ? undefined : shanghaiTime(h.acceptedAt))}
        ${row(dt('extension', locale), h.extensionRequest === undefined ? undefined : `${dt('extensionAsked', locale, { d: h.extensionRequest.deadline, reason: h.extensionRequest.reason })}${
          h.extensionRequest.decision === undefined ? dt('pending', locale) : dt(h.extensionRequest.decision, locale)}`)}
        ${row(dt('transferred', locale), h.transfer === undefined ? undefined : `${lifecycle.departments.find((d) => d.id === h.transfer?.department)?.label[locale] ?? h.transfer.department}${
          h.transfer.answer === undefined ? '' : `：${h.transfer.answer.note}${h.transfer.answer.documentNumber === undefined ? '' : `（${h.transfer.answer.documentNumber}）`}`}`)}
        ${row(dt('tier', locale), h.tier === undefined ? undefined : dt(`tier-${h.tier}`, locale))}
        ${clocks === undefined ? nothing : html`
          ${row(dt('siteCheckDue', locale), this.clockRow(clocks.siteCheckDueAt, clocks.siteCheckedAt, clocks.siteCheckOverdue))}
          ${row(dt('answerDue', locale), this.clockRow(clocks.answerDueAt, clocks.answeredAt, clocks.answerOverdue))}`}
        ${row(dt('publicReply', locale), h.publicReply === undefined ? undefined : dt('publicReplyText', locale, { text: h.publicReply.text, at: shanghaiTime(h.publicReply.at) }))}
        ${row(dt('reward', locale), h.reward === undefined ? undefined : this.rewardRow(h.reward))}
      </dl>
      ${h.photos.length === 0 ? nothing : html`<ul class="thumbs" aria-label=${dt('photos', locale)}>${h.photos.map((ref, i) => {
        const url = this.urls.url(this.client, ref);
        const alt = dt('photoAlt', locale, { n: i + 1 });
        return html`<li>${url === undefined ? html`<span class="placeholder" role="img" aria-label=${alt}></span>` : html`<img src=${url} alt=${alt} />`}</li>`;
      })}</ul>`}
      ${this.suggestion === undefined ? nothing : this.suggestionBox(this.suggestion)}
      <div>
        <h4>${dt('history', locale)}</h4>
        ${h.history.length === 0 ? html`<p>${dt('historyEmpty', locale)}</p>` : html`<ol class="history">${h.history.map((e) => html`<li>
          ${e.action === 'edit'
            // An edit changes content, not status: the fields it changed instead of from → to.
            ? dt('historyEdit', locale, { at: shanghaiTime(e.at), by: historyActor(h, e, { viewer, locale, sources: people }), action: historyActionText(e, locale) })
            : dt('historyEntry', locale, {
              at: shanghaiTime(e.at), by: historyActor(h, e, { viewer, locale, sources: people }), action: historyActionText(e, locale),
              from: HAZARD_STATUS_LABELS[e.from][locale], to: HAZARD_STATUS_LABELS[e.to][locale],
            })}
          ${e.note === undefined ? nothing : html`<div class="note">${e.note}</div>`}
          ${e.before === undefined ? nothing : html`<div class="note">${dt('beforeCount', locale, { n: e.before.length })}</div>`}
          ${e.evidence === undefined ? nothing : html`<div class="note">${dt('evidenceCount', locale, { n: e.evidence.length })}</div>`}
        </li>`)}</ol>`}
      </div>
      <div>
        <h4>${dt('actions', locale)}</h4>
        ${actions.length === 0 ? html`<p>${dt('noActions', locale)}</p>` : html`<div class="row" part="actions">${actions.map((a) => html`
          <button type="button" data-action=${a} aria-expanded=${this.action === a ? 'true' : 'false'}
            @click=${() => { this.status = ''; this.refill = undefined; this.action = this.action === a ? undefined : a; }}>${HAZARD_ACTION_LABELS[a][locale]}</button>`)}</div>`}
        ${this.action === undefined ? nothing : html`<fg-hazard-transition-form .client=${this.client} .hazard=${h} .action=${this.action}
          .lifecycle=${lifecycle} .actor=${viewer} .locale=${locale} .ruleSets=${this.ruleSets} .ruleRefs=${this.evidence.refs}
          .placeKind=${this.evidence.placeKind} .onClose=${this.onClose} .initial=${this.refill?.values} .refusal=${this.refill?.refusal ?? ''}
          .replaces=${this.refill?.replaces ?? (this.queuedTransition !== undefined && this.queued.state === 'refused' ? this.queued.refusedEntry?.id : undefined)}></fg-hazard-transition-form>`}
        ${this.queuedTransition === undefined || this.refill !== undefined ? nothing : this.queuedBox(this.queuedTransition)}
        ${message('success', this.status)}
      </div>
    </section>`;
  }
}
