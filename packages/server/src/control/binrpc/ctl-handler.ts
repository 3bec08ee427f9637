import { FrameParser, PacketTooLargeError, type Packet } from '@kamkit/binrpc';
import type { RpcOrigin } from '../../rpc/rpc-context.js';
import { SerialQueue } from '../serial-queue.js';
import type { BinrpcAnswer, BinrpcRequestProcessor } from './binrpc-request-processor.js';

/** ctl's limits on the socket side (§2.8). */
export const CTL_STREAM_BUFFER = 65535;
export const CTL_MAX_DATAGRAM = 65535;
export const CTL_MAX_STREAM_CONNECTIONS = 128;

/** An open stream connection, as ctl.who lists it. */
export interface CtlConnection {
  transport: 'unix_stream' | 'tcp';
  peerAddress: string;
  peerPort: string;
  localAddress: string;
  localPort: string;
}

/** What a stream connection does with the bytes it gets. */
export interface StreamSink {
  write(data: Buffer): void;
  /** Closes after everything written so far went out. */
  end(): void;
}

/**
 * Kamailio's single "ctl handler" process: every ctl socket feeds it and it runs one request at a
 * time. Streams are framed with FrameParser (pipelining works, replies keep their order, a malformed
 * packet gets a fault and the connection is closed, more than 64 KiB of pending data closes it);
 * each datagram is one request answered to its sender.
 */
export class CtlHandler {
  private readonly queue = new SerialQueue();
  private readonly open = new Set<CtlConnection>();

  constructor(private readonly processor: BinrpcRequestProcessor) {}

  /** Open stream connections (ctl.who, ctl.connections). */
  connections(): readonly CtlConnection[] {
    return [...this.open];
  }

  /**
   * Attaches a new stream connection; returns its data and close handlers, or null when the
   * connection limit is reached (the caller closes it at once, as ctl does).
   */
  attachStream(info: CtlConnection, sink: StreamSink): { onData(chunk: Buffer): void; onClose(): void } | null {
    if (this.open.size >= CTL_MAX_STREAM_CONNECTIONS) return null;
    this.open.add(info);
    const parser = new FrameParser({ maxPacketSize: CTL_STREAM_BUFFER });
    const origin: RpcOrigin = { channel: info.transport };
    let closed = false;
    const deliver = (result: BinrpcAnswer) => {
      if (closed) return;
      sink.write(result.reply);
      if (result.close) {
        closed = true;
        sink.end();
      }
    };
    // Replies of one connection go out in request order, even though the queue is shared. An answer
    // that is ready while nothing of this connection waits needs no promise: it joins `ready`, which
    // is written at the next microtask, when it would have gone out through the promises (so what
    // happens to the connection in between, such as an oversized packet, applies to it as before).
    // Anything else waits for the replies before it.
    let previous: Promise<unknown> = Promise.resolve();
    let waiting = 0;
    let ready: BinrpcAnswer[] = [];
    const flush = () => {
      const answers = ready;
      ready = [];
      for (const answer of answers) deliver(answer);
    };
    const answerInOrder = (answer: BinrpcAnswer | Promise<BinrpcAnswer>) => {
      if (waiting === 0 && !(answer instanceof Promise)) {
        if (ready.length === 0) queueMicrotask(flush);
        ready.push(answer);
        return;
      }
      waiting++;
      previous = Promise.all([previous, answer]).then(([, result]) => {
        waiting--;
        flush();
        deliver(result);
      });
    };
    const onPacket = (packet: Packet) => answerInOrder(this.queue.runNow(() => this.processor.answer(packet, origin)));
    return {
      onData: (chunk) => {
        if (closed) return;
        try {
          parser.parse(chunk, onPacket);
          // A packet that can never fit the buffer: ctl keeps reading until the buffer overruns and
          // then drops the connection without a reply; we drop it as soon as the header says so.
          const expected = parser.expectedBytes();
          if (expected !== undefined && expected > CTL_STREAM_BUFFER) throw new PacketTooLargeError(expected, CTL_STREAM_BUFFER);
        } catch (error) {
          if (error instanceof PacketTooLargeError) {
            closed = true;
            void previous.then(() => sink.end());
            return;
          }
          answerInOrder(this.processor.corrupted());
        }
      },
      onClose: () => {
        closed = true;
        this.open.delete(info);
      },
    };
  }

  /** One datagram: its reply, or null when Kamailio ignores it (incomplete) or cannot answer it. */
  async handleDatagram(data: Buffer, channel: 'udp' | 'unix_dgram'): Promise<Buffer | null> {
    if (data.length > CTL_MAX_DATAGRAM) return null;
    let packet: Packet | undefined;
    try {
      new FrameParser({ maxPacketSize: CTL_MAX_DATAGRAM }).parse(data, (p) => (packet ??= p));
    } catch {
      return this.processor.corrupted().reply;
    }
    if (!packet) return null;
    const request = packet;
    const answer = await this.queue.run(() => this.processor.handle(request, { channel }));
    // A datagram reply must fit one datagram or it is not sent at all.
    return answer.reply.length > CTL_MAX_DATAGRAM ? null : answer.reply;
  }
}
