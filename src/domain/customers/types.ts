import type { ImportantDate } from '../dates';
import type { HistoryEntry } from '../history';

export type CustomerKind = 'owner' | 'tenant' | 'member' | 'corporate' | 'authority';
export const CUSTOMER_KINDS: CustomerKind[] = ['owner', 'tenant', 'member', 'corporate', 'authority'];
export type Gender = '' | 'male' | 'female';
export type Grade = 'important' | 'normal' | 'potential';
export const GRADES: Grade[] = ['important', 'normal', 'potential'];
export type UnitRelation = 'owner' | 'tenant' | 'resident';
export const UNIT_RELATIONS: UnitRelation[] = ['owner', 'tenant', 'resident'];
export const HOUSEHOLD_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];

/** A unit a customer owns or occupies besides the main one, with the dates of the relation. */
export interface UnitLink {
  unitCode: string;
  relation: UnitRelation;
  from?: string;
  to?: string;
}

/** A customer as the screens see it (a plain snapshot of the record). */
export interface Customer {
  id: string;
  kind: CustomerKind;
  name: string;
  gender: Gender;
  phones: string[];
  wechat: string;
  email: string;
  idNumber: string;
  address: string;
  employer: string;
  occupation: string;
  unitCode: string;
  unitRelation: UnitRelation;
  /** Dates of the relation to the main unit (a tenant's lease), YYYY-MM-DD or ''. */
  unitFrom: string;
  unitTo: string;
  extraUnits: UnitLink[];
  householdOf: string;
  householdRelation: HouseholdRelation | '';
  dates: ImportantDate[];
  preferences: string;
  tags: string[];
  grade: Grade;
  consent: boolean;
  /**
   * Fields an import left empty because the file's value was wrong (idNumber, email, dates,
   * unitFrom, unitTo): the page says 证件号待核实 until staff enter the field.
   */
  toVerify: string[];
  notes: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  history: HistoryEntry[];
}

/** What a form or an import row gives; fields left undefined are not touched by an update. */
export type CustomerInput = Pick<Customer, 'name' | 'phones' | 'unitCode'> &
  Partial<Omit<Customer, 'id' | 'name' | 'phones' | 'unitCode' | 'notes' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'history'>>;

/** The row kept in the customers projection table for lists, search and duplicate checks. */
export interface CustomerRow {
  id: string;
  kind: CustomerKind;
  name: string;
  phones: string[];
  idNumber: string;
  unitCode: string;
  unitCodes: string[];
  householdOf: string;
  tags: string[];
  grade: Grade;
  updatedAt: string;
  terms: string[];
  /** The important dates, for care on them (今日); `dateKeys` indexes them (`dateKey` of dates.ts). */
  dates: ImportantDate[];
  dateKeys: string[];
  gender: Gender;
  consent: boolean;
  /** From the ID number, else the birthday's year; 0 unknown (age groups on the dashboard). */
  birthYear: number;
  /** Dates of the relation to the main unit (lists of the people who live here filter on them). */
  unitFrom: string;
  unitTo: string;
}

/** Syllables of a Chinese name, from a pinyin library the store loads lazily. */
export type PinyinOf = (name: string) => string[] | null;
