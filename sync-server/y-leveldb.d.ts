// y-leveldb ships types its package.json "exports" does not point at; this is the part we use.
declare module 'y-leveldb' {
  import type * as Y from 'yjs';
  export class LeveldbPersistence {
    constructor(location: string, opts?: { levelOptions?: object });
    // Every method resolves to null when LevelDB failed (y-leveldb logs the error and swallows it).
    getYDoc(docName: string): Promise<Y.Doc | null>;
    storeUpdate(docName: string, update: Uint8Array): Promise<number | null>;
    flushDocument(docName: string): Promise<void>;
    clearDocument(docName: string): Promise<void>;
    getAllDocNames(): Promise<string[] | null>;
    getStateVector(docName: string): Promise<Uint8Array>;
    setMeta(docName: string, metaKey: string, value: unknown): Promise<void>;
    getMeta(docName: string, metaKey: string): Promise<unknown>;
    destroy(): Promise<void>;
  }
}
