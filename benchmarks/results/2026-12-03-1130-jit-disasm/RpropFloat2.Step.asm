; Assembly listing for method OptGen.Benchmarks.Optimizers.RpropFloat2:Step(System.Span`1[float],System.ReadOnlySpan`1[float]):this (FullOpts)
; Emitting BLENDED_CODE for generic X64 + VEX on Unix
; FullOpts code
; optimized code
; rbp based frame
; partially interruptible
; No PGO data
; 0 inlinees with PGO data; 31 single block inlinees; 4 inlinees without PGO data

G_M000_IG01:                ;; offset=0x0000
       push     rbp
       push     r15
       push     rbx
       lea      rbp, [rsp+0x10]
       mov      ebx, edx
       mov      r15d, r8d
 
G_M000_IG02:                ;; offset=0x000E
       cmp      ebx, 2
       jne      G_M000_IG41
       cmp      r15d, 2
       jne      G_M000_IG42
       mov      rax, qword ptr [rdi+0x10]
       inc      rax
       mov      qword ptr [rdi+0x10], rax
       vxorps   xmm0, xmm0, xmm0
       vcvtsi2sd xmm0, xmm0, rax
       vucomisd xmm0, qword ptr [reloc @RWD00]
       setnp    al
       jp       SHORT G_M000_IG03
       sete     al
 
G_M000_IG03:                ;; offset=0x0045
       movzx    rax, al
       vcvtsd2ss xmm0, xmm0, qword ptr [rdi+0x08]
       vmovss   xmm1, dword ptr [rcx]
       vmulss   xmm2, xmm1, dword ptr [rdi+0x18]
       vxorps   xmm3, xmm3, xmm3
       vucomiss xmm2, xmm3
       jbe      SHORT G_M000_IG05
 
G_M000_IG04:                ;; offset=0x0060
       vmovss   xmm3, dword ptr [reloc @RWD08]
       jmp      SHORT G_M000_IG07
 
G_M000_IG05:                ;; offset=0x006A
       vxorps   xmm3, xmm3, xmm3
       vucomiss xmm3, xmm2
       jbe      SHORT G_M000_IG06
       vmovss   xmm3, dword ptr [reloc @RWD12]
       jmp      SHORT G_M000_IG07
 
G_M000_IG06:                ;; offset=0x007E
       vmovaps  xmm3, xmm2
 
G_M000_IG07:                ;; offset=0x0082
       test     eax, eax
       je       SHORT G_M000_IG09
 
G_M000_IG08:                ;; offset=0x0086
       vmovaps  xmm2, xmm0
       jmp      SHORT G_M000_IG10
 
G_M000_IG09:                ;; offset=0x008C
       vmovss   xmm2, dword ptr [rdi+0x20]
 
G_M000_IG10:                ;; offset=0x0091
       vxorps   xmm4, xmm4, xmm4
       vucomiss xmm3, xmm4
       jbe      SHORT G_M000_IG12
 
G_M000_IG11:                ;; offset=0x009B
       vmovss   xmm4, dword ptr [reloc @RWD16]
       jmp      SHORT G_M000_IG14
 
G_M000_IG12:                ;; offset=0x00A5
       vxorps   xmm4, xmm4, xmm4
       vucomiss xmm4, xmm3
       jbe      SHORT G_M000_IG13
       vmovss   xmm4, dword ptr [reloc @RWD20]
       jmp      SHORT G_M000_IG14
 
G_M000_IG13:                ;; offset=0x00B9
       vmovss   xmm4, dword ptr [reloc @RWD08]
 
G_M000_IG14:                ;; offset=0x00C1
       vmulss   xmm2, xmm2, xmm4
       vbroadcastss xmm4, dword ptr [reloc @RWD24]
       vmaxss   xmm2, xmm4, xmm2
       vbroadcastss xmm5, dword ptr [reloc @RWD28]
       vminss   xmm2, xmm5, xmm2
       vmovss   dword ptr [rdi+0x20], xmm2
       vxorps   xmm6, xmm6, xmm6
       vucomiss xmm6, xmm3
       jbe      SHORT G_M000_IG16
 
G_M000_IG15:                ;; offset=0x00EE
       vxorps   xmm3, xmm3, xmm3
       jmp      SHORT G_M000_IG17
 
G_M000_IG16:                ;; offset=0x00F4
       vmovaps  xmm3, xmm1
 
G_M000_IG17:                ;; offset=0x00F8
       vmovss   xmm1, dword ptr [rsi]
       vxorps   xmm6, xmm6, xmm6
       vucomiss xmm3, xmm6
       jbe      SHORT G_M000_IG19
 
G_M000_IG18:                ;; offset=0x0106
       vmovss   xmm6, dword ptr [reloc @RWD08]
       jmp      SHORT G_M000_IG21
 
G_M000_IG19:                ;; offset=0x0110
       vxorps   xmm6, xmm6, xmm6
       vucomiss xmm6, xmm3
       jbe      SHORT G_M000_IG20
       vmovss   xmm6, dword ptr [reloc @RWD12]
       jmp      SHORT G_M000_IG21
 
G_M000_IG20:                ;; offset=0x0124
       vmovaps  xmm6, xmm3
 
G_M000_IG21:                ;; offset=0x0128
       vmulss   xmm2, xmm6, xmm2
       vsubss   xmm1, xmm1, xmm2
       vmovss   dword ptr [rsi], xmm1
       vmovss   dword ptr [rdi+0x18], xmm3
       vmovss   xmm1, dword ptr [rcx+0x04]
       vmulss   xmm2, xmm1, dword ptr [rdi+0x1C]
       vxorps   xmm3, xmm3, xmm3
       vucomiss xmm2, xmm3
       jbe      SHORT G_M000_IG23
 
G_M000_IG22:                ;; offset=0x014D
       vmovss   xmm3, dword ptr [reloc @RWD08]
       jmp      SHORT G_M000_IG25
 
G_M000_IG23:                ;; offset=0x0157
       vxorps   xmm3, xmm3, xmm3
       vucomiss xmm3, xmm2
       jbe      SHORT G_M000_IG24
       vmovss   xmm3, dword ptr [reloc @RWD12]
       jmp      SHORT G_M000_IG25
 
G_M000_IG24:                ;; offset=0x016B
       vmovaps  xmm3, xmm2
 
G_M000_IG25:                ;; offset=0x016F
       test     eax, eax
       je       SHORT G_M000_IG27
 
G_M000_IG26:                ;; offset=0x0173
       jmp      SHORT G_M000_IG28
 
G_M000_IG27:                ;; offset=0x0175
       vmovss   xmm0, dword ptr [rdi+0x24]
 
G_M000_IG28:                ;; offset=0x017A
       vxorps   xmm2, xmm2, xmm2
       vucomiss xmm3, xmm2
       jbe      SHORT G_M000_IG30
 
G_M000_IG29:                ;; offset=0x0184
       vmovss   xmm2, dword ptr [reloc @RWD16]
       jmp      SHORT G_M000_IG32
 
G_M000_IG30:                ;; offset=0x018E
       vxorps   xmm2, xmm2, xmm2
       vucomiss xmm2, xmm3
       jbe      SHORT G_M000_IG31
       vmovss   xmm2, dword ptr [reloc @RWD20]
       jmp      SHORT G_M000_IG32
 
G_M000_IG31:                ;; offset=0x01A2
       vmovss   xmm2, dword ptr [reloc @RWD08]
 
G_M000_IG32:                ;; offset=0x01AA
       vmulss   xmm0, xmm0, xmm2
       vmaxss   xmm0, xmm4, xmm0
       vminss   xmm0, xmm5, xmm0
       vmovss   dword ptr [rdi+0x24], xmm0
       vxorps   xmm2, xmm2, xmm2
       vucomiss xmm2, xmm3
       jbe      SHORT G_M000_IG34
 
G_M000_IG33:                ;; offset=0x01C5
       vxorps   xmm2, xmm2, xmm2
       jmp      SHORT G_M000_IG35
 
G_M000_IG34:                ;; offset=0x01CB
       vmovaps  xmm2, xmm1
 
G_M000_IG35:                ;; offset=0x01CF
       add      rsi, 4
       vmovss   xmm1, dword ptr [rsi]
       vxorps   xmm3, xmm3, xmm3
       vucomiss xmm2, xmm3
       jbe      SHORT G_M000_IG37
 
G_M000_IG36:                ;; offset=0x01E1
       vmovss   xmm3, dword ptr [reloc @RWD08]
       jmp      SHORT G_M000_IG39
 
G_M000_IG37:                ;; offset=0x01EB
       vxorps   xmm3, xmm3, xmm3
       vucomiss xmm3, xmm2
       jbe      SHORT G_M000_IG38
       vmovss   xmm3, dword ptr [reloc @RWD12]
       jmp      SHORT G_M000_IG39
 
G_M000_IG38:                ;; offset=0x01FF
       vmovaps  xmm3, xmm2
 
G_M000_IG39:                ;; offset=0x0203
       vmulss   xmm0, xmm3, xmm0
       vsubss   xmm0, xmm1, xmm0
       vmovss   dword ptr [rsi], xmm0
       vmovss   dword ptr [rdi+0x1C], xmm2
 
G_M000_IG40:                ;; offset=0x0214
       pop      rbx
       pop      r15
       pop      rbp
       ret      
 
G_M000_IG41:                ;; offset=0x0219
       mov      edi, 0x60C
       mov      rsi, 0x7F19C2B30668
       call     [CORINFO_HELP_STRCNS]
       mov      rdi, rax
       mov      esi, ebx
       mov      edx, 2
       call     [OptGen.CompilerServices.OptimizerGuards:ThrowLengthMismatch(System.String,int,int)]
       int3     
 
G_M000_IG42:                ;; offset=0x023F
       mov      edi, 0x622
       mov      rsi, 0x7F19C2B30668
       call     [CORINFO_HELP_STRCNS]
       mov      rdi, rax
       mov      esi, r15d
       mov      edx, 2
       call     [OptGen.CompilerServices.OptimizerGuards:ThrowLengthMismatch(System.String,int,int)]
       int3     
 
RWD00  	dq	3FF0000000000000h	;            1
RWD08  	dd	3F800000h		;         1
RWD12  	dd	BF800000h		;        -1
RWD16  	dd	3F99999Ah		;       1.2
RWD20  	dd	3F000000h		;       0.5
RWD24  	dd	358637BDh		;     1e-06
RWD28  	dd	42480000h		;        50

; Total bytes of code 614

