//! Compression of the API's JSON answers over 1 KiB, for phones on slow mobile data: Brotli when
//! the client accepts it, else gzip, else none. Small answers go as they are (compressing them
//! costs more than it saves), and so does anything that is not JSON.

use std::io::Write as _;

use axum::{
    body::{Body, to_bytes},
    extract::Request,
    http::{HeaderMap, HeaderValue, header},
    middleware::Next,
    response::{IntoResponse as _, Response},
};

/// Answers up to this size go uncompressed.
pub const MIN_BYTES: usize = 1024;

/// Brotli quality 5 and a 4 MiB window: most of the size gain of the highest levels at a small
/// part of their time, for answers compressed anew each time.
const BROTLI_QUALITY: u32 = 5;
const BROTLI_WINDOW_BITS: u32 = 22;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coding {
    Brotli,
    Gzip,
}

impl Coding {
    fn name(self) -> &'static str {
        match self {
            Coding::Brotli => "br",
            Coding::Gzip => "gzip",
        }
    }
}

/// The coding to use by the request's `Accept-Encoding`: `br` before `gzip`, neither when the
/// client refuses it with `q=0`.
fn chosen(headers: &HeaderMap) -> Option<Coding> {
    let mut accepted = (false, false);
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            if refused {
                continue;
            }
            match name.as_str() {
                "br" => accepted.0 = true,
                "gzip" => accepted.1 = true,
                _ => {}
            }
        }
    }
    match accepted {
        (true, _) => Some(Coding::Brotli),
        (false, true) => Some(Coding::Gzip),
        (false, false) => None,
    }
}

fn encode(coding: Coding, bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    match coding {
        Coding::Brotli => {
            let mut out = Vec::with_capacity(bytes.len() / 4);
            {
                let mut writer = brotli::CompressorWriter::new(
                    &mut out,
                    4096,
                    BROTLI_QUALITY,
                    BROTLI_WINDOW_BITS,
                );
                writer.write_all(bytes)?;
                writer.flush()?;
            }
            Ok(out)
        }
        Coding::Gzip => {
            let mut writer = flate2::write::GzEncoder::new(
                Vec::with_capacity(bytes.len() / 4),
                flate2::Compression::default(),
            );
            writer.write_all(bytes)?;
            writer.finish()
        }
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// The middleware: compresses a JSON answer over [`MIN_BYTES`] when the client accepts it.
pub async fn json(request: Request, next: Next) -> Response {
    let coding = chosen(request.headers());
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    let Some(coding) = coding else {
        return response;
    };
    if !is_json(response.headers()) || response.headers().contains_key(header::CONTENT_ENCODING) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // The API's answers are built whole in memory; this limit is never reached by one of them.
    let Ok(bytes) = to_bytes(body, 16 * 1024 * 1024).await else {
        return crate::AppError::Internal("an answer could not be read for compression".into())
            .into_response();
    };
    if bytes.len() <= MIN_BYTES {
        return Response::from_parts(parts, Body::from(bytes));
    }
    match encode(coding, &bytes) {
        Ok(encoded) => {
            parts.headers.insert(
                header::CONTENT_ENCODING,
                HeaderValue::from_static(coding.name()),
            );
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(encoded))
        }
        Err(_) => Response::from_parts(parts, Body::from(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        headers
    }

    #[test]
    fn brotli_is_chosen_before_gzip_and_a_refused_coding_never() {
        assert_eq!(
            chosen(&accepting("gzip, deflate, br, zstd")),
            Some(Coding::Brotli)
        );
        assert_eq!(chosen(&accepting("gzip")), Some(Coding::Gzip));
        assert_eq!(chosen(&accepting("br;q=0, gzip;q=0.5")), Some(Coding::Gzip));
        assert_eq!(chosen(&accepting("BR")), Some(Coding::Brotli));
        assert_eq!(chosen(&accepting("identity")), None);
        assert_eq!(chosen(&accepting("br;q=0.0, gzip; q=0")), None);
        assert_eq!(chosen(&HeaderMap::new()), None);
    }

    #[test]
    fn both_codings_give_back_the_bytes_they_were_given() {
        use std::io::Read as _;
        let json =
            serde_json::to_vec(&vec![serde_json::json!({"name": "Amal", "n": 1}); 200]).unwrap();
        let br = encode(Coding::Brotli, &json).unwrap();
        let mut back = Vec::new();
        brotli::Decompressor::new(br.as_slice(), 4096)
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, json);
        assert!(br.len() < json.len() / 10, "{} of {}", br.len(), json.len());
        let gz = encode(Coding::Gzip, &json).unwrap();
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice())
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, json);
    }
}
