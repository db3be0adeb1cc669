import type { Day } from '../days';
import type { HistoryEntry } from '../history';
import type { SpecialNeed } from '../residents/needs';
import type { UnitUse } from '../units/types';

/** 通知/公告: what it is about (its starter wording and the lobby board's heading). */
export type NoticeKind = 'water' | 'power' | 'lift' | 'renovation' | 'holiday' | 'emergency' | 'other';
export const NOTICE_KINDS: NoticeKind[] = ['water', 'power', 'lift', 'renovation', 'holiday', 'emergency', 'other'];

/** Who a notice is for: everyone, some buildings, some unit types (住宅/商铺/车位), or a saved list. */
export type AudienceScope = 'all' | 'buildings' | 'uses' | 'list';
export const AUDIENCE_SCOPES: AudienceScope[] = ['all', 'buildings', 'uses', 'list'];

export interface Audience {
  scope: AudienceScope;
  buildings: string[];
  uses: UnitUse[];
  listId: string;
  /** The list's name when the notice was made (printed; the list may be renamed later). */
  listName: string;
}

/** How a household was told (告知方式). */
export type TellChannel = 'phone' | 'visit' | 'wechat' | 'sms' | 'inPerson';
export const TELL_CHANNELS: TellChannel[] = ['phone', 'visit', 'wechat', 'sms', 'inPerson'];

export interface Notice {
  id: string;
  kind: NoticeKind;
  title: string;
  body: string;
  audience: Audience;
  /** Those of the audience who must be phoned rather than left to the board (默认: 独居老人). */
  callNeeds: SpecialNeed[];
  /** In force from–to, office days, both included. */
  from: Day;
  to: Day;
  withdrawnAt: string;
  withdrawReason: string;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  history: HistoryEntry[];
}

export type NoticeInput = Pick<Notice, 'kind' | 'title' | 'body' | 'audience' | 'callNeeds' | 'from' | 'to'>;

export interface NoticeRow {
  id: string;
  kind: NoticeKind;
  title: string;
  from: Day;
  to: Day;
  withdrawn: boolean;
  audience: Audience;
  callNeeds: SpecialNeed[];
  createdAt: string;
}

/**
 * One telling (一次告知): who was told, how, by whom, when — a record of its own, so two tablets
 * telling households offline both keep theirs (a list in one field would keep one tablet's).
 */
export interface Telling {
  id: string;
  noticeId: string;
  /** The notice's creation time: a telling lives in its notice's month ledger. */
  noticeCreatedAt: string;
  customerId: string;
  customerName: string;
  unitCode: string;
  channel: TellChannel;
  note: string;
  at: string;
  by: string;
  byName: string;
}
