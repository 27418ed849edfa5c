/**
 * Request and response sizes. Excel on the web refuses a `context.sync()` whose request or response
 * payload exceeds 5 MB (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded); desktop
 * Excel has no such cap but gains nothing from bigger batches. We plan every batch to stay under 4 MiB,
 * leaving a megabyte for the protocol's own envelope, which we cannot see.
 */

/** Our planning cap for one request (and its response): 4 MiB. */
export const PAYLOAD_CAP_BYTES = 4 * 1024 * 1024;

/** Byte length of a string in UTF-8, without allocating (Vietnamese letters take 2-3 bytes). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // A surrogate pair is one 4-byte character.
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Size of a value as it travels in a request or response: its JSON in UTF-8. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? 'null');
}

/** Rough fixed cost of one queued operation (object path, method name, ids) on top of its arguments. */
export const OP_OVERHEAD_BYTES = 64;

function errorCode(e: unknown): unknown {
  return (e as { code?: unknown } | null)?.code;
}

export function isPayloadLimitError(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * "An internal error has occurred": what Excel on the web has answered for some operations too large for
 * it without being over the payload cap (office-js #1314, #2564). Worth one retry with less data.
 */
export function isInternalError(e: unknown): boolean {
  return errorCode(e) === 'GeneralException';
}

/**
 * Queues writes into as few `context.sync()` calls as the cap allows: an operation that would push the
 * current batch over the cap first sends what is queued. `onNewBatch` runs at the start of every batch
 * (the write suspends calculation and screen updating "until the next sync", so each batch needs it again).
 */
export class RequestBudget {
  private used = 0;
  private batches = 0;

  constructor(
    private readonly context: { sync(): Promise<void> },
    private readonly onNewBatch: () => void = () => {},
    private readonly cap = PAYLOAD_CAP_BYTES,
  ) {}

  /** Queues `enqueue` (which must only queue Office.js commands) as `bytes` of payload. */
  async add(bytes: number, enqueue: () => void): Promise<void> {
    const cost = bytes + OP_OVERHEAD_BYTES;
    if (this.used > 0 && this.used + cost > this.cap) await this.flush();
    if (this.used === 0) {
      this.batches++;
      this.onNewBatch();
    }
    enqueue();
    this.used += cost;
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.context.sync();
    this.used = 0;
  }

  /** Batches started so far (each ends in one sync). */
  get batchCount(): number {
    return this.batches;
  }
}
