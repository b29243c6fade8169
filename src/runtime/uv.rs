//! libuv, as Node exports it: the few functions the driver needs, declared by hand (napi does
//! not bind them), and [`UvHandle`], the memory of one handle.
//!
//! Owns: the FFI declarations and handle memory. Must not touch: anything above libuv (the
//! runtime, the sessions, napi): what to do with a handle is the driver's business.
#![allow(non_camel_case_types)] // libuv's own names.

use std::os::raw::{c_int, c_void};

pub type uv_loop_t = napi::sys::uv_loop_s;
pub type uv_handle_t = c_void;
pub type uv_poll_cb = unsafe extern "C" fn(*mut uv_handle_t, c_int, c_int);
pub type uv_timer_cb = unsafe extern "C" fn(*mut uv_handle_t);
pub type uv_close_cb = unsafe extern "C" fn(*mut uv_handle_t);
/// Also `uv_idle_cb`: both take the handle only.
pub type uv_check_cb = unsafe extern "C" fn(*mut uv_handle_t);

pub const UV_CHECK: c_int = 2;
pub const UV_IDLE: c_int = 6;
pub const UV_POLL: c_int = 8;
pub const UV_TIMER: c_int = 13;
pub const UV_READABLE: c_int = 1;

extern "C" {
    pub fn uv_handle_size(kind: c_int) -> usize;
    pub fn uv_poll_init(event_loop: *mut uv_loop_t, handle: *mut uv_handle_t, fd: c_int) -> c_int;
    pub fn uv_poll_start(handle: *mut uv_handle_t, events: c_int, cb: uv_poll_cb) -> c_int;
    pub fn uv_poll_stop(handle: *mut uv_handle_t) -> c_int;
    pub fn uv_timer_init(event_loop: *mut uv_loop_t, handle: *mut uv_handle_t) -> c_int;
    pub fn uv_timer_start(
        handle: *mut uv_handle_t,
        cb: uv_timer_cb,
        timeout: u64,
        repeat: u64,
    ) -> c_int;
    pub fn uv_timer_stop(handle: *mut uv_handle_t) -> c_int;
    pub fn uv_check_init(event_loop: *mut uv_loop_t, handle: *mut uv_handle_t) -> c_int;
    pub fn uv_check_start(handle: *mut uv_handle_t, cb: uv_check_cb) -> c_int;
    pub fn uv_check_stop(handle: *mut uv_handle_t) -> c_int;
    pub fn uv_idle_init(event_loop: *mut uv_loop_t, handle: *mut uv_handle_t) -> c_int;
    pub fn uv_idle_start(handle: *mut uv_handle_t, cb: uv_check_cb) -> c_int;
    pub fn uv_idle_stop(handle: *mut uv_handle_t) -> c_int;
    pub fn uv_unref(handle: *mut uv_handle_t);
    pub fn uv_ref(handle: *mut uv_handle_t);
    pub fn uv_close(handle: *mut uv_handle_t, cb: uv_close_cb);
}

/// A libuv handle's memory: libuv owns it from init until its close callback frees it.
pub struct UvHandle(pub *mut uv_handle_t);

/// Room for any libuv handle (uv_poll_t and uv_timer_t take 100-200 bytes).
type HandleMemory = [u64; 64];

impl UvHandle {
    pub fn alloc(kind: c_int) -> Result<Self, String> {
        // SAFETY: uv_handle_size only reads its argument.
        let size = unsafe { uv_handle_size(kind) };
        if size == 0 || size > std::mem::size_of::<HandleMemory>() {
            return Err(format!("unexpected libuv handle size {size}"));
        }
        Ok(UvHandle(Box::into_raw(Box::new([0u64; 64])).cast()))
    }

    /// Closes the handle; its memory is freed once libuv is done with it.
    pub fn close(&self) {
        // SAFETY: the handle was initialised on this thread's loop and is closed once.
        unsafe { uv_close(self.0, free_closed_handle) };
    }
}

unsafe extern "C" fn free_closed_handle(handle: *mut uv_handle_t) {
    // SAFETY: allocated in UvHandle::alloc as a boxed HandleMemory; libuv no longer uses it.
    drop(unsafe { Box::from_raw(handle.cast::<HandleMemory>()) });
}
