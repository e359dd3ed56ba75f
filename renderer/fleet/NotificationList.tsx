import { useEffect } from "react";
import { NOTIFICATION_KINDS, type NotificationItem } from "../../shared/fleet/notifications";
import { useAppStore } from "../store";
import { formatTime } from "../panels/runs/format";

const ICON: Record<NotificationItem["kind"], string> = { approval: "‖", failed: "✕", recovered: "✓" };

function Item({ item }: { item: NotificationItem }) {
  const opened = useAppStore((s) => s.notificationOpened);
  return (
    <li className={`fleet-notification fleet-notification-${item.kind}${item.read ? "" : " unread"}`}>
      <div>
        <strong>
          {ICON[item.kind]} {item.title}
        </strong>
        <p>{item.body}</p>
        <time className="muted">{formatTime(item.createdAt)}</time>
      </div>
      <button type="button" onClick={() => void opened(item.id)}>
        {item.kind === "approval" ? "Review approval" : "Open run"}
      </button>
    </li>
  );
}

function Settings() {
  const settings = useAppStore((s) => s.notificationSettings);
  const changed = useAppStore((s) => s.notificationSettingsChanged);
  if (settings === null) return null;
  return (
    <details className="fleet-notify">
      <summary>Which notifications</summary>
      <p className="muted">For every pipeline of the fleet (a pipeline's own choice, in its metrics, wins):</p>
      {NOTIFICATION_KINDS.map(({ kind, label }) => (
        <label key={kind}>
          <input
            type="checkbox"
            checked={settings.events[kind]}
            onChange={(e) => void changed({ events: { ...settings.events, [kind]: e.target.checked } })}
          />
          {label}
        </label>
      ))}
      <label>
        <input type="checkbox" checked={settings.popups} onChange={(e) => void changed({ popups: e.target.checked })} />
        Also as desktop (or browser) notifications
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.watchOnStart}
          onChange={(e) => void changed({ watchOnStart: e.target.checked })}
        />
        Watch the fleet from the app's start
      </label>
    </details>
  );
}

/**
 * The toolbar's Notifications button (Fleet is a command of the toolbar's Watch group), and the in-app notification list under the
 * latter. Mounting it subscribes to the fleet's events, so notifications arrive from the start.
 */
export function FleetButtons() {
  const started = useAppStore((s) => s.notificationsStarted);
  const open = useAppStore((s) => s.notificationsOpen);
  const toggled = useAppStore((s) => s.notificationsToggled);
  const unread = useAppStore((s) => s.notifications.unread);
  const items = useAppStore((s) => s.notifications.items);
  const markedRead = useAppStore((s) => s.notificationsMarkedRead);
  useEffect(() => {
    void started();
  }, [started]);
  return (
    <span className="fleet-buttons">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="notification-list"
        aria-label={`Notifications, ${unread} unread`}
        title="Notifications"
        onClick={() => toggled()}
      >
        <svg className="fleet-bell" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M8 1.5a4 4 0 0 0-4 4v3L2.5 11v1h11v-1L12 8.5v-3a4 4 0 0 0-4-4ZM6.5 13a1.5 1.5 0 0 0 3 0Z" />
        </svg>
        <span className={unread > 0 ? "fleet-badge" : "fleet-count"}>{unread}</span>
      </button>
      {open && (
        <section id="notification-list" className="fleet-notifications" aria-label="Notifications">
          <header>
            <h2>Notifications</h2>
            <button type="button" disabled={unread === 0} onClick={() => void markedRead()}>
              Mark all read
            </button>
            <button type="button" aria-label="Close notifications" onClick={() => toggled(false)}>
              ×
            </button>
          </header>
          {items.length === 0 ? (
            <p className="muted">
              Nothing yet. Pipelines of the fleet notify here when they wait for an approval, fail, or succeed after a
              failure.
            </p>
          ) : (
            <ul>
              {items.map((item) => (
                <Item key={item.id} item={item} />
              ))}
            </ul>
          )}
          <Settings />
        </section>
      )}
    </span>
  );
}
