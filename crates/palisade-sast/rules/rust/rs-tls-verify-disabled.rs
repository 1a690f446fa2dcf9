use std::sync::Arc;
use std::time::Duration;

use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};

pub fn build_client(insecure_for_tests: bool) -> reqwest::Result<reqwest::Client> {
    let ca = std::fs::read("/etc/app/ca.pem").unwrap();
    // ok: rs-tls-verify-disabled
    let _pinned = reqwest::Client::builder().add_root_certificate(reqwest::Certificate::from_pem(&ca)?);
    let timeout = Duration::from_secs(if insecure_for_tests { 1 } else { 10 });
    // ruleid: rs-tls-verify-disabled
    reqwest::Client::builder().timeout(timeout).danger_accept_invalid_certs(true).build()
}

pub fn legacy_connector() -> native_tls::Result<native_tls::TlsConnector> {
    let mut builder = native_tls::TlsConnector::builder();
    // ruleid: rs-tls-verify-disabled
    builder.danger_accept_invalid_hostnames(true);
    // ok: rs-tls-verify-disabled
    builder.danger_accept_invalid_certs(false);
    builder.build()
}

pub fn openssl_connector() -> SslConnector {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    // ruleid: rs-tls-verify-disabled
    builder.set_verify(SslVerifyMode::NONE);
    builder.build()
}

pub fn openssl_connector_safe() -> SslConnector {
    let mut builder = SslConnector::builder(SslMethod::tls()).unwrap();
    // ok: rs-tls-verify-disabled
    builder.set_verify(SslVerifyMode::PEER);
    builder.build()
}

#[derive(Debug)]
struct AcceptAll;

impl ServerCertVerifier for AcceptAll {
    // ruleid: rs-tls-verify-disabled
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        vec![SignatureScheme::ED25519]
    }
}

#[derive(Debug)]
struct Pinned {
    inner: Arc<rustls::client::WebPkiServerVerifier>,
    fingerprint: [u8; 32],
}

impl ServerCertVerifier for Pinned {
    // ok: rs-tls-verify-disabled
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp, now)?;
        if sha256(end_entity.as_ref()) != self.fingerprint {
            return Err(rustls::Error::General("pin mismatch".into()));
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

fn sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(data).into()
}
