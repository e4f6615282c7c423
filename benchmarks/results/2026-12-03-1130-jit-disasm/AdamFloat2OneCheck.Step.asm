; Assembly listing for method OptGen.Benchmarks.Investigation.AdamFloat2OneCheck:Step(System.Span`1[float],System.ReadOnlySpan`1[float]):this (FullOpts)
; Emitting BLENDED_CODE for generic X64 + VEX on Unix
; FullOpts code
; optimized code
; rbp based frame
; partially interruptible
; No PGO data
; 0 inlinees with PGO data; 3 single block inlinees; 2 inlinees without PGO data

G_M000_IG01:                ;; offset=0x0000
       push     rbp
       mov      rbp, rsp
 
G_M000_IG02:                ;; offset=0x0004
       cmp      edx, 2
       jne      G_M000_IG10
       cmp      r8d, 2
       jne      G_M000_IG10
       inc      qword ptr [rdi+0x20]
       vmovsd   xmm0, qword ptr [rdi+0x08]
       vmulsd   xmm0, xmm0, qword ptr [reloc @RWD00]
       vmovsd   xmm1, qword ptr [reloc @RWD08]
       vucomisd xmm1, xmm0
       jbe      SHORT G_M000_IG04
 
G_M000_IG03:                ;; offset=0x0036
       vxorps   xmm2, xmm2, xmm2
       jmp      SHORT G_M000_IG05
 
G_M000_IG04:                ;; offset=0x003C
       vmovaps  xmm2, xmm0
 
G_M000_IG05:                ;; offset=0x0040
       vmovsd   qword ptr [rdi+0x08], xmm2
       vmovsd   xmm0, qword ptr [rdi+0x10]
       vmulsd   xmm0, xmm0, qword ptr [reloc @RWD16]
       vucomisd xmm1, xmm0
       jbe      SHORT G_M000_IG07
 
G_M000_IG06:                ;; offset=0x0058
       vxorps   xmm1, xmm1, xmm1
       jmp      SHORT G_M000_IG08
 
G_M000_IG07:                ;; offset=0x005E
       vmovaps  xmm1, xmm0
 
G_M000_IG08:                ;; offset=0x0062
       vmovsd   qword ptr [rdi+0x10], xmm1
       vmovsd   xmm0, qword ptr [rdi+0x18]
       vmovsd   xmm1, qword ptr [reloc @RWD24]
       vsubsd   xmm2, xmm1, qword ptr [rdi+0x08]
       vdivsd   xmm0, xmm0, xmm2
       vcvtsd2ss xmm0, xmm0, xmm0
       vsubsd   xmm2, xmm1, qword ptr [rdi+0x10]
       vsqrtsd  xmm2, xmm2, xmm2
       vdivsd   xmm1, xmm1, xmm2
       vcvtsd2ss xmm1, xmm1, xmm1
       vmovss   xmm2, dword ptr [rcx]
       vmovss   xmm3, dword ptr [reloc @RWD32]
       vmulss   xmm4, xmm3, dword ptr [rdi+0x28]
       vmovss   xmm5, dword ptr [reloc @RWD36]
       vmulss   xmm6, xmm2, xmm5
       vaddss   xmm4, xmm4, xmm6
       vmovss   dword ptr [rdi+0x28], xmm4
       vmovss   xmm6, dword ptr [reloc @RWD40]
       vmulss   xmm7, xmm6, dword ptr [rdi+0x30]
       vmovss   xmm8, dword ptr [reloc @RWD44]
       vmulss   xmm9, xmm2, xmm8
       vmulss   xmm2, xmm9, xmm2
       vaddss   xmm2, xmm7, xmm2
       vmovss   dword ptr [rdi+0x30], xmm2
       vmovss   xmm7, dword ptr [rsi]
       vmulss   xmm4, xmm0, xmm4
       vsqrtss  xmm2, xmm2, xmm2
       vmulss   xmm2, xmm2, xmm1
       vmovss   xmm9, dword ptr [reloc @RWD48]
       vaddss   xmm2, xmm2, xmm9
       vdivss   xmm2, xmm4, xmm2
       vsubss   xmm2, xmm7, xmm2
       vmovss   dword ptr [rsi], xmm2
       vmovss   xmm2, dword ptr [rcx+0x04]
       vmulss   xmm3, xmm3, dword ptr [rdi+0x2C]
       vmulss   xmm4, xmm2, xmm5
       vaddss   xmm3, xmm3, xmm4
       vmovss   dword ptr [rdi+0x2C], xmm3
       vmulss   xmm4, xmm6, dword ptr [rdi+0x34]
       vmulss   xmm5, xmm2, xmm8
       vmulss   xmm2, xmm5, xmm2
       vaddss   xmm2, xmm4, xmm2
       vmovss   dword ptr [rdi+0x34], xmm2
       add      rsi, 4
       vmovss   xmm4, dword ptr [rsi]
       vmulss   xmm0, xmm0, xmm3
       vsqrtss  xmm2, xmm2, xmm2
       vmulss   xmm1, xmm2, xmm1
       vaddss   xmm1, xmm1, xmm9
       vdivss   xmm0, xmm0, xmm1
       vsubss   xmm0, xmm4, xmm0
       vmovss   dword ptr [rsi], xmm0
 
G_M000_IG09:                ;; offset=0x015B
       pop      rbp
       ret      
 
G_M000_IG10:                ;; offset=0x015D
       mov      edi, edx
       mov      esi, r8d
       mov      edx, 2
       call     [OptGen.Benchmarks.Investigation.ProposedGuards:ThrowLengthMismatch(int,int,int)]
       int3     
 
RWD00  	dq	3FECCCCCCCCCCCCDh	;          0.9
RWD08  	dq	3C32725DD1D243ACh	;        1e-18
RWD16  	dq	3FEFF7CED916872Bh	;        0.999
RWD24  	dq	3FF0000000000000h	;            1
RWD32  	dd	3F666666h		;       0.9
RWD36  	dd	3DCCCCCDh		;       0.1
RWD40  	dd	3F7FBE77h		;     0.999
RWD44  	dd	3A83126Fh		;     0.001
RWD48  	dd	322BCC77h		;     1e-08

; Total bytes of code 366

