/**
 * A table whose cells are Markdown (inline code, emphasis, links). MDX pages here have no GFM plugin, so
 * Markdown pipe tables would render as text.
 */
import { Markdown } from '@storybook/addon-docs/blocks';

export function MdTable({ head, rows }: { head: readonly string[]; rows: readonly (readonly string[])[] }) {
  return (
    <table>
      <thead>
        <tr>
          {head.map((cell, index) => (
            <th key={index}>
              <Markdown options={{ forceInline: true }}>{cell}</Markdown>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, index) => (
              <td key={index}>
                <Markdown options={{ forceInline: true }}>{cell}</Markdown>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
