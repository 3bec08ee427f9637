import type { SourceLocation } from '../source/source-location.js';
import type { Block } from './statement.js';

/**
 * The route types: `request` (`request_route`/`route`), `route` (named sub-route), `failure`,
 * `branch`, `onreply` (named tm reply route), `reply` (core reply route: `reply_route`,
 * `onreply_route` without a name or named 0), `onsend`, `event`, `branch_failure`, `error`.
 */
export type RouteKind = 'request' | 'route' | 'failure' | 'branch' | 'onreply' | 'reply' | 'onsend' | 'event' | 'branch_failure' | 'error';

export interface RouteBlock {
  readonly kind: RouteKind;
  /** The keyword as written (`route`, `request_route`, `onreply_route`, …). */
  readonly keyword: string;
  /**
   * The route's name: as written between brackets (`REQINIT`, `dispatcher:dst-down`), or the name
   * Kamailio's debugger shows for unnamed ones: DEFAULT_ROUTE, DEFAULT_ONREPLY, DEFAULT_ONSEND, DEFAULT_ERROR.
   */
  readonly name: string;
  readonly loc: SourceLocation;
  readonly body: Block;
}
