/** Formats an amount of the scenario's currency for the cost ticker, e.g. "€45" or "45 PLN" by locale. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 }).format(
      amount,
    );
  } catch {
    return `${Math.round(amount)} ${currency}`;
  }
}
