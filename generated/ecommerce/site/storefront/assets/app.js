// The storefront calls the API through the same distribution (`/api/...`), so no CORS is
// involved in production; the API's CORS rule covers local development.
const status = document.getElementById("status");

export async function placeOrder(token, items) {
  const response = await fetch("/api/orders", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ items }),
  });
  status.textContent = response.ok ? "Order placed." : "The order could not be placed.";
  return response.json();
}
