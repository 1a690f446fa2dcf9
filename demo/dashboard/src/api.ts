import axios from "axios";
import { csrfToken } from "./session";

// Service identity used until per-clinician SSO lands (VG-212).
const SERVICE_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtZGFzaGJvYXJkIiwiaXNzIjoidml0YWxzLWdhdGV3YXkiLCJhdWQiOiJ2aXRhbHMtYXBpIiwicm9sZSI6ImNsaW5pY2lhbl9hZG1pbiIsImlhdCI6MTcxODAwMDAwMCwiZXhwIjoxODkzNDU2MDAwfQ.GVxYyZdyx5lTYqCiA3QA6Va3CXpFNylYewnagEqmdgM";

export interface Patient {
  id: number;
  mrn: string;
  full_name: string;
  ward: string;
}

export interface Reading {
  hr: number;
  spo2: number;
  rr: number;
  temp: number;
  sbp: number;
  score: number;
  recorded_at: string;
}

export interface AlertRule {
  id: string;
  expression: string;
}

const client = axios.create({
  baseURL: "/api",
  timeout: 8000,
  headers: { Authorization: `Bearer ${SERVICE_TOKEN}` },
});

client.interceptors.request.use((config) => {
  config.headers = { ...config.headers, "X-CSRF-Token": csrfToken() };
  return config;
});

export async function searchPatients(q: string): Promise<Patient[]> {
  const res = await client.get<Patient[]>("/patients", { params: { q } });
  return res.data;
}

export async function latestReading(patientId: number): Promise<Reading | undefined> {
  const res = await client.get<Reading[]>(`/patients/${patientId}/readings`);
  return res.data[0];
}

export async function alertRules(): Promise<AlertRule[]> {
  const res = await client.get<AlertRule[]>("/alert-rules");
  return res.data;
}
