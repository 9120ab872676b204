/* For the Wine check only, never installed on a station PC: Wine 8.0 (Debian 12) has
 * no bcryptprimitives.dll, which Windows 10 and later ship and whose ProcessPrng the
 * Rust standard library inside cryptography's _rust.pyd imports. This stand-in draws
 * the bytes from RtlGenRandom (advapi32's SystemFunction036), as Wine's own RNG does. */
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
