; Assembly listing for method OptGen.Benchmarks.Investigation.AdamaxFloat2Locals:Step(System.Span`1[float],System.ReadOnlySpan`1[float]):this (FullOpts)
; Emitting BLENDED_CODE for generic X64 + VEX on Unix
; FullOpts code
; optimized code
; rbp based frame
; partially interruptible
; No PGO data
; 0 inlinees with PGO data; 3 single block inlinees; 1 inlinees without PGO data

G_M000_IG01:                ;; offset=0x0000
       push     rbp
       mov      rbp, rsp
 
G_M000_IG02:                ;; offset=0x0004
       cmp      edx, 2
       jne      G_M000_IG07
       cmp      r8d, 2
       jne      G_M000_IG07
       inc      qword ptr [rdi+0x18]
       vmovsd   xmm0, qword ptr [rdi+0x08]
       vmulsd   xmm0, xmm0, qword ptr [reloc @RWD00]
       vmovsd   xmm1, qword ptr [reloc @RWD08]
       vucomisd xmm1, xmm0
       jbe      SHORT G_M000_IG04
 
G_M000_IG03:                ;; offset=0x0036
       vxorps   xmm1, xmm1, xmm1
       jmp      SHORT G_M000_IG05
 
G_M000_IG04:                ;; offset=0x003C
       vmovaps  xmm1, xmm0
 
G_M000_IG05:                ;; offset=0x0040
       vmovsd   qword ptr [rdi+0x08], xmm1
       vmovsd   xmm0, qword ptr [rdi+0x10]
       vmovsd   xmm1, qword ptr [reloc @RWD16]
       vsubsd   xmm1, xmm1, qword ptr [rdi+0x08]
       vdivsd   xmm0, xmm0, xmm1
       vcvtsd2ss xmm0, xmm0, xmm0
       vmovss   xmm1, dword ptr [rcx]
       vmovss   xmm2, dword ptr [reloc @RWD24]
       vmulss   xmm3, xmm2, dword ptr [rdi+0x20]
       vmovss   xmm4, dword ptr [reloc @RWD28]
       vmulss   xmm5, xmm1, xmm4
       vaddss   xmm3, xmm3, xmm5
       vmovss   dword ptr [rdi+0x20], xmm3
       vmovss   xmm5, dword ptr [reloc @RWD32]
       vmulss   xmm6, xmm5, dword ptr [rdi+0x28]
       vandps   xmm1, xmm1, xmmword ptr [reloc @RWD48]
       vmovss   xmm7, dword ptr [reloc @RWD64]
       vaddss   xmm1, xmm1, xmm7
       vcmpeqps xmm8, xmm6, xmm1
       vxorps   xmm9, xmm9, xmm9
       vpcmpgtd xmm9, xmm9, xmm1
       vandps   xmm8, xmm9, xmm8
       vcmpneqps xmm9, xmm6, xmm6
       vorps    xmm8, xmm9, xmm8
       vcmpltps xmm9, xmm1, xmm6
       vorps    xmm8, xmm9, xmm8
       vblendvps xmm1, xmm1, xmm6, xmm8
       vmovss   dword ptr [rdi+0x28], xmm1
       vmulss   xmm3, xmm0, xmm3
       vdivss   xmm1, xmm3, xmm1
       vmovss   xmm3, dword ptr [rsi]
       vsubss   xmm1, xmm3, xmm1
       vmovss   dword ptr [rsi], xmm1
       vmovss   xmm1, dword ptr [rcx+0x04]
       vmulss   xmm2, xmm2, dword ptr [rdi+0x24]
       vmulss   xmm3, xmm1, xmm4
       vaddss   xmm2, xmm2, xmm3
       vmovss   dword ptr [rdi+0x24], xmm2
       vmulss   xmm3, xmm5, dword ptr [rdi+0x2C]
       vandps   xmm1, xmm1, xmmword ptr [reloc @RWD48]
       vaddss   xmm1, xmm1, xmm7
       vcmpeqps xmm4, xmm3, xmm1
       vxorps   xmm5, xmm5, xmm5
       vpcmpgtd xmm5, xmm5, xmm1
       vandps   xmm4, xmm5, xmm4
       vcmpneqps xmm5, xmm3, xmm3
       vorps    xmm4, xmm5, xmm4
       vcmpltps xmm5, xmm1, xmm3
       vorps    xmm4, xmm5, xmm4
       vblendvps xmm1, xmm1, xmm3, xmm4
       vmovss   dword ptr [rdi+0x2C], xmm1
       add      rsi, 4
       vmulss   xmm0, xmm0, xmm2
       vdivss   xmm0, xmm0, xmm1
       vmovss   xmm1, dword ptr [rsi]
       vsubss   xmm0, xmm1, xmm0
       vmovss   dword ptr [rsi], xmm0
 
G_M000_IG06:                ;; offset=0x015A
       pop      rbp
       ret      
 
G_M000_IG07:                ;; offset=0x015C
       mov      edi, edx
       mov      esi, r8d
       mov      edx, 2
       call     [OptGen.Benchmarks.Investigation.ProposedGuards:ThrowLengthMismatch(int,int,int)]
       int3     
 
RWD00  	dq	3FECCCCCCCCCCCCDh	;          0.9
RWD08  	dq	3C32725DD1D243ACh	;        1e-18
RWD16  	dq	3FF0000000000000h	;            1
RWD24  	dd	3F666666h		;       0.9
RWD28  	dd	3DCCCCCDh		;       0.1
RWD32  	dd	3F7FBE77h		;     0.999
RWD36  	dd	00000000h, 00000000h, 00000000h
RWD48  	dq	7FFFFFFF7FFFFFFFh, 7FFFFFFF7FFFFFFFh
RWD64  	dd	322BCC77h		;     1e-08

; Total bytes of code 365

