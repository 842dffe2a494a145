use std::sync::mpsc::{self, Receiver, Sender, SyncSender, TrySendError};
use std::thread::JoinHandle;
use std::time::Duration;

use cpal::traits::{DeviceTrait, StreamTrait};
use cpal::{FromSample, SampleFormat, SizedSample};

use super::AudioError;
use super::devices::find_input_device;

/// Chunks (one per device callback, typically 5–25 ms) buffered between the audio thread
/// and the consumer: several seconds of slack.
const BACKLOG_CHUNKS: usize = 512;

/// What the device delivers: interleaved frames at this rate and channel count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaptureFormat {
    pub sample_rate: u32,
    pub channels: u16,
}

/// Raw audio (interleaved `f32` in the device's format) or the reason the stream died.
#[derive(Debug)]
pub enum CaptureEvent {
    Samples(Vec<f32>),
    Error(AudioError),
}

/// What [`Capture::recv_timeout`] got.
#[derive(Debug)]
pub enum Received {
    Event(CaptureEvent),
    Timeout,
    /// The stream has ended (stopped or died).
    Closed,
}

/// A running capture stream at the device's native format.
///
/// cpal's `Stream` is not `Send` on every platform, so it lives on its own thread for its
/// whole life; this handle only holds channels to it. Dropping the handle stops the stream.
pub struct Capture {
    format: CaptureFormat,
    device_name: String,
    events: Receiver<CaptureEvent>,
    stop: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Capture {
    /// Opens `device` (`None` = system default) at its default input configuration and starts
    /// streaming. Returns once the stream runs, or with the error that prevented it.
    pub fn start(device: Option<&str>) -> Result<Self, AudioError> {
        let (ready_tx, ready_rx) =
            mpsc::sync_channel::<Result<(CaptureFormat, String), AudioError>>(1);
        // Bounded: if the consumer stalls (or a virtual device delivers faster than real
        // time) audio is dropped with a warning instead of memory growing without limit.
        let (events_tx, events) = mpsc::sync_channel(BACKLOG_CHUNKS);
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let wanted = device.map(str::to_owned);
        let thread = std::thread::Builder::new()
            .name("utter-capture".into())
            .spawn(move || {
                let stream = match open_stream(wanted.as_deref(), events_tx) {
                    Ok((stream, format, name)) => {
                        // The receiver only disappears if `start` itself gave up; then there
                        // is nobody to record for.
                        if ready_tx.send(Ok((format, name))).is_err() {
                            return;
                        }
                        stream
                    }
                    Err(err) => {
                        let _ = ready_tx.send(Err(err));
                        return;
                    }
                };
                // Park until told to stop (or the handle is dropped); then drop the stream.
                let _ = stop_rx.recv();
                let _ = stream.pause();
                drop(stream);
            })
            .map_err(|e| AudioError::Device {
                name: device.unwrap_or("default").to_owned(),
                detail: format!("cannot start the capture thread: {e}"),
            })?;
        let started = ready_rx.recv().map_err(|_| AudioError::Device {
            name: device.unwrap_or("default").to_owned(),
            detail: "the capture thread stopped before the stream started".into(),
        });
        match started {
            Ok(Ok((format, device_name))) => Ok(Self {
                format,
                device_name,
                events,
                stop: Some(stop_tx),
                thread: Some(thread),
            }),
            Ok(Err(err)) | Err(err) => {
                let _ = thread.join();
                Err(err)
            }
        }
    }

    pub fn format(&self) -> CaptureFormat {
        self.format
    }

    pub fn device_name(&self) -> &str {
        &self.device_name
    }

    /// Waits up to `timeout` for the next chunk.
    pub fn recv_timeout(&self, timeout: Duration) -> Received {
        match self.events.recv_timeout(timeout) {
            Ok(ev) => Received::Event(ev),
            Err(mpsc::RecvTimeoutError::Timeout) => Received::Timeout,
            Err(mpsc::RecvTimeoutError::Disconnected) => Received::Closed,
        }
    }

    /// Stops the stream and returns what it delivered but nobody read yet, so that stopping
    /// right after the last word keeps that word.
    pub fn stop(mut self) -> Vec<CaptureEvent> {
        self.shutdown();
        self.events.try_iter().collect()
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::warn!("the capture thread panicked");
        }
    }
}

impl Drop for Capture {
    fn drop(&mut self) {
        self.shutdown();
    }
}

fn open_stream(
    wanted: Option<&str>,
    events: SyncSender<CaptureEvent>,
) -> Result<(cpal::Stream, CaptureFormat, String), AudioError> {
    let device = find_input_device(wanted)?;
    let name = device.to_string();
    let supported = device
        .default_input_config()
        .map_err(|e| AudioError::from_cpal(&name, e))?;
    let format = CaptureFormat {
        sample_rate: supported.sample_rate(),
        channels: supported.channels(),
    };
    let config = supported.config();
    tracing::info!(device = %name, rate = format.sample_rate, channels = format.channels,
        sample_format = %supported.sample_format(), "opening input stream");

    let err_events = events.clone();
    let err_name = name.clone();
    let on_error = move |err: cpal::Error| {
        // Xruns are glitches, not failures: log them and keep recording.
        if err.kind() == cpal::ErrorKind::Xrun {
            tracing::debug!(%err, "input overrun");
            return;
        }
        tracing::warn!(%err, "input stream error");
        let _ = err_events.try_send(CaptureEvent::Error(AudioError::from_cpal(&err_name, err)));
    };
    let timeout = Some(Duration::from_secs(5));
    let stream = match supported.sample_format() {
        SampleFormat::F32 => build::<f32>(&device, config, events, on_error, timeout),
        SampleFormat::F64 => build::<f64>(&device, config, events, on_error, timeout),
        SampleFormat::I8 => build::<i8>(&device, config, events, on_error, timeout),
        SampleFormat::I16 => build::<i16>(&device, config, events, on_error, timeout),
        SampleFormat::I24 => build::<cpal::I24>(&device, config, events, on_error, timeout),
        SampleFormat::I32 => build::<i32>(&device, config, events, on_error, timeout),
        SampleFormat::U8 => build::<u8>(&device, config, events, on_error, timeout),
        SampleFormat::U16 => build::<u16>(&device, config, events, on_error, timeout),
        SampleFormat::U32 => build::<u32>(&device, config, events, on_error, timeout),
        other => {
            return Err(AudioError::UnsupportedFormat {
                name,
                format: other.to_string(),
            });
        }
    }
    .map_err(|e| AudioError::from_cpal(&name, e))?;
    stream.play().map_err(|e| AudioError::from_cpal(&name, e))?;
    Ok((stream, format, name))
}

fn build<T>(
    device: &cpal::Device,
    config: cpal::StreamConfig,
    events: SyncSender<CaptureEvent>,
    on_error: impl FnMut(cpal::Error) + Send + 'static,
    timeout: Option<Duration>,
) -> Result<cpal::Stream, cpal::Error>
where
    T: SizedSample,
    f32: FromSample<T>,
{
    let mut dropped = 0u64;
    device.build_input_stream::<T, _, _>(
        config,
        move |data: &[T], _| {
            // One small allocation per callback (~10 ms of audio) keeps the callback free of
            // locks; the heavy work (resampling, VAD, disk) happens on the consumer thread.
            let chunk: Vec<f32> = data.iter().map(|s| s.to_sample::<f32>()).collect();
            if let Err(TrySendError::Full(_)) = events.try_send(CaptureEvent::Samples(chunk)) {
                dropped += 1;
                if dropped.is_power_of_two() {
                    tracing::warn!(dropped, "audio consumer too slow; dropping input chunks");
                }
            }
        },
        on_error,
        timeout,
    )
}
