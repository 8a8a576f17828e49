interface AvatarProps {
  src: string | null | undefined;
  name: string | null | undefined;
  size?: number;
}

/** A round profile picture, or the first letter of the name when there is none. */
export function Avatar({ src, name, size = 40 }: AvatarProps) {
  const style = { width: size, height: size };
  if (!src) {
    return (
      <span
        aria-hidden="true"
        style={style}
        className="inline-flex items-center justify-center rounded-full bg-accent-soft text-sm font-semibold text-accent"
      >
        {(name ?? "?").slice(0, 1).toUpperCase()}
      </span>
    );
  }

  // Profile pictures come from X's image host; next/image would need every host configured ahead.
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={src} alt={name ? `${name}'s avatar` : "Avatar"} style={style} className="rounded-full" />;
}
