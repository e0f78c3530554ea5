import { useEffect, useRef } from 'react';

/** What counts as someone at the desk: any key, any mouse or pen movement or click, the wheel, a touch. */
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'touchmove'] as const;
const HEARTBEAT_MS = 15_000;

/**
 * Calls `onIdle` once nobody has used the keyboard, mouse, pen or touch screen for `minutes`: exactly then, never a
 * moment early. Activity only notes the time (cheap, even for every mouse move); one timer checks how long it has
 * been quiet and, if not long enough, waits for the rest. Plain setTimeout, setInterval and Date.now, so a test's
 * fake clock drives it.
 * Listening on window in the capture phase: a dialog or field that stops an event still counts as activity.
 */
export function useIdleTimer(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    const quietFor = minutes * 60_000;
    let lastActivity = Date.now();
    let timer: number | undefined;
    const markActive = () => {
      lastActivity = Date.now();
    };
    const check = () => {
      const quiet = Date.now() - lastActivity;
      if (quiet >= quietFor) {
        timer = undefined;
        onIdleRef.current();
        return;
      }
      timer = window.setTimeout(check, quietFor - quiet);
    };
    // Timers can run late: a hidden or minimised window's are slowed down, and after the computer sleeps the wait
    // may resume where it stopped. So the time is also checked when the window shows again and every few seconds.
    const checkIfDue = () => {
      if (timer === undefined || Date.now() - lastActivity < quietFor) return;
      window.clearTimeout(timer);
      check();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') checkIfDue();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, markActive, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    const heartbeat = window.setInterval(checkIfDue, HEARTBEAT_MS);
    timer = window.setTimeout(check, quietFor);
    return () => {
      window.clearTimeout(timer);
      window.clearInterval(heartbeat);
      timer = undefined;
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, markActive, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [minutes]);
}
