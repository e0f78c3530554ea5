import { useUiStore } from '../store/ui-store';
import { SCREEN_HEADING_ID } from '../components/ScreenHeading';

/** First stop of the Tab key: jumps past the header and menu to the current screen. Hidden until focused. */
export function SkipLink() {
  const focusScreenHeading = useUiStore((state) => state.focusScreenHeading);
  return (
    <a
      href={`#${SCREEN_HEADING_ID}`}
      className="skip-link"
      onClick={(event) => {
        event.preventDefault(); // no URL fragment: the store moves focus
        focusScreenHeading();
      }}
    >
      Skip to the current screen
    </a>
  );
}
