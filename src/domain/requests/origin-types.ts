/**
 * Where a complaint came to the office from — the figures a property company holds an office to
 * ("向政府物业主管部门有效投诉为零；向物业公司主管部门有效投诉…2%") need it:
 * 直接 directly to the office; 经公司 through the company's head office; 经政府主管部门·12345·街道
 * through the authorities (the 12345 hotline, the 街道办事处); 经媒体 through the press; 其他.
 */
export type ComplaintOrigin = 'direct' | 'company' | 'authority' | 'media' | 'other';
export const COMPLAINT_ORIGINS: ComplaintOrigin[] = ['direct', 'company', 'authority', 'media', 'other'];

/** A manager's finding on an investigated complaint: 有效 (upheld) or 无效, why, and whose work it was about. */
export interface Finding {
  valid: boolean;
  reason: string;
  /** Staff whose work the complaint was about (counted against them when valid). */
  staffIds: string[];
  by: string;
  byName: string;
  at: string;
}
