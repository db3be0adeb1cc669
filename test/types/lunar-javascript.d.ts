/** The little of lunar-javascript the tests use for hand-computed expectations (it ships no types). */
declare module 'lunar-javascript' {
  export class Solar {
    static fromYmd(y: number, m: number, d: number): Solar;
    getLunar(): Lunar;
    toYmd(): string;
  }
  export class Lunar {
    /** A negative month is a leap month (闰月). */
    static fromYmd(y: number, m: number, d: number): Lunar;
    getSolar(): Solar;
    getMonth(): number;
    getDay(): number;
  }
  export class LunarMonth {
    getYear(): number;
    getMonth(): number;
    getDayCount(): number;
  }
  export class LunarYear {
    static fromYear(y: number): LunarYear;
    getMonths(): LunarMonth[];
    getLeapMonth(): number;
  }
}
