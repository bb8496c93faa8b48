// The console's only way to the emulator: DynamoDB's JSON API, exactly as any SDK sends it.
// The emulator reads the access key and region from the Authorization header and does not verify
// signatures, so the header is well-formed but unsigned.

/** A DynamoDB error answer: the short `__type` (e.g. ValidationException) and its message. */
export class DynamoError extends Error {
  constructor(type, message, status) {
    super(message || type);
    this.type = type;
    this.status = status;
  }

  /** "ValidationException: One or more parameter values were invalid: ..." */
  describe() {
    return this.message && this.message !== this.type ? `${this.type}: ${this.message}` : this.type;
  }
}

function amzDate(now) {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export class DynamoClient {
  constructor(accessKey, region) {
    this.accessKey = accessKey;
    this.region = region;
  }

  /** Calls `DynamoDB_20120810.<operation>` (or another target prefix) and resolves to the parsed answer. */
  async call(operation, request = {}, target = 'DynamoDB_20120810') {
    const date = amzDate(new Date());
    const response = await fetch('/', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': `${target}.${operation}`,
        'X-Amz-Date': date,
        'Authorization': `AWS4-HMAC-SHA256 Credential=${this.accessKey}/${date.slice(0, 8)}/${this.region}/dynamodb/aws4_request, `
          + `SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`,
      },
      body: JSON.stringify(request),
    });
    const text = await response.text();
    let body;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      throw new DynamoError('UnknownOperationException', `HTTP ${response.status}: ${text.trim()}`, response.status);
    }
    if (!response.ok) {
      const type = String(body.__type || `HTTP ${response.status}`);
      throw new DynamoError(type.slice(type.indexOf('#') + 1), body.message ?? body.Message, response.status);
    }
    return body;
  }

  /** Whether the emulator knows `operation` (false when it answers UnknownOperationException). */
  async supports(operation, target) {
    try {
      await this.call(operation, {}, target);
      return true;
    } catch (e) {
      return !(e instanceof DynamoError && e.type === 'UnknownOperationException');
    }
  }
}
