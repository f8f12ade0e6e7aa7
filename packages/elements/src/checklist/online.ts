import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Follows `navigator.onLine` while the host is connected and asks it to re-render on a change.
 * The offline client will report more (unsent writes, degraded mode); this is only the signal.
 */
export class OnlineController implements ReactiveController {
  /** True while the browser believes it is online. */
  online = navigator.onLine;

  private readonly update = (): void => {
    this.online = navigator.onLine;
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.online = navigator.onLine;
    window.addEventListener('online', this.update);
    window.addEventListener('offline', this.update);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.update);
    window.removeEventListener('offline', this.update);
  }
}
