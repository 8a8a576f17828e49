// Sizes in CSS pixels, as Tailwind classes: an inline style attribute would
// need 'unsafe-inline' in the Content-Security-Policy's style-src.
const SIZE_CLASSES = {
  28: "size-7",
  40: "size-10",
  48: "size-12",
  56: "size-14",
} as const;

interface AvatarProps {
  src: string | null | undefined;
  name: string | null | undefined;
  size?: keyof typeof SIZE_CLASSES;
}

/** Renders a round profile picture, or the first letter of the name when there is none. */
export function Avatar({ src, name, size = 40 }: AvatarProps) {
  const sizeClass = SIZE_CLASSES[size];
  if (!src) {
    return (
      <span
        aria-hidden="true"
        className={`${sizeClass} inline-flex items-center justify-center rounded-full bg-accent-soft text-sm font-semibold text-accent`}
      >
        {(name ?? "?").slice(0, 1).toUpperCase()}
      </span>
    );
  }

  // Profile pictures come from X's image host; next/image would need every host configured ahead.
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt={name ? `${name}'s avatar` : "Avatar"}
      width={size}
      height={size}
      className={`${sizeClass} rounded-full`}
    />
  );
}
