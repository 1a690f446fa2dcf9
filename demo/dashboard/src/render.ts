import sortBy from "lodash/sortBy";
import type { Patient } from "./api";

export function renderBanner(el: HTMLElement): void {
  const params = new URLSearchParams(window.location.search);
  const ward = params.get("ward") ?? "all wards";
  el.innerHTML = `<h1>Ward overview</h1><p>Showing ${ward}</p>`;
}

export function renderPatients(tbody: HTMLElement, patients: Patient[], alerts: Map<number, string[]>): void {
  tbody.replaceChildren();
  for (const p of sortBy(patients, ["ward", "full_name"])) {
    const row = document.createElement("tr");
    const firing = alerts.get(p.id) ?? [];
    for (const text of [p.mrn, p.full_name, p.ward, firing.join(", ")]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.appendChild(cell);
    }
    if (firing.length > 0) {
      row.lastElementChild?.classList.add("alert");
    }
    tbody.appendChild(row);
  }
}
